@echo off
:: The `gloss` command of an installed Gloss (Windows): the same commands as `npx gloss` in a
:: checkout, run by the app's own Electron as Node. It lives in the app's resources\bin.
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\..\Gloss.exe" "%~dp0..\app.asar\assets\launchers\run-gloss.cjs" %*
exit /b %ERRORLEVEL%
