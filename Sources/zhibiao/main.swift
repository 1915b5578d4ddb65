import ZhibiaoHost

await ZhibiaoCommand.runMain()
