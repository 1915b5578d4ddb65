import ZhibiaoHost

ZhibiaoCommand.runMain()
