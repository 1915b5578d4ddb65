// The workspace and the pipeline are the host's vocabulary: commands and their tests use them directly.
@_exported import ZhibiaoWorkspace
