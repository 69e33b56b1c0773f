import MLMDCommandLine

await MLMDCommand.execute()
