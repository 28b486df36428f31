@echo off
rem The Werkboek command line of the installed app, for scripts and scheduled tasks, without Node:
rem   werkboek import or.werkboek --kind ledger grootboek.csv --json
rem Same commands, output and exit codes as `npx werkboek` (docs/cli.md, docs/installers.md).
rem A batch file waits for the app to finish, so the exit code and the output arrive in order.
"%~dp0..\..\Werkboek.exe" --cli %*
exit /b %ERRORLEVEL%
