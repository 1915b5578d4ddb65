import ZhibiaoHost

ZhibiaoCommand.main()
