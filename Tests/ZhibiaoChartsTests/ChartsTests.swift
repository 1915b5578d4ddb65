import Testing
import ZhibiaoCharts
