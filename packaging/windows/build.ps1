# Build the Windows app folder, test it, and make the installer.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-NoTest] [-NoInstaller]
#
# Needs: Python 3.11 or later (x64) from python.org, and Inno Setup 6 (https://jrsoftware.org/isinfo.php) for
# the installer. Produces dist\kepatuhan-desktop\ (kepatuhan-desktop.exe, kepatuhan.exe, _internal\) and
# dist\kepatuhan-desktop-<version>-windows-x64-setup.exe. See packaging\README.md.
param([switch]$NoTest, [switch]$NoInstaller)

$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

function Invoke-Checked([string]$what, [scriptblock]$block) {
    & $block
    if ($LASTEXITCODE -ne 0) { throw "$what failed (exit $LASTEXITCODE)" }
}

$app = "kepatuhan-desktop"
$venv = if ($env:KEPATUHAN_BUILD_VENV) { $env:KEPATUHAN_BUILD_VENV } else { ".venv" }
$python = Join-Path $venv "Scripts\python.exe"
$version = (Select-String -Path "kepatuhan_desktop\__init__.py" -Pattern '^__version__ = "(.+)"').Matches[0].Groups[1].Value
Write-Host "== $app $version for windows-x64"

if (-not (Test-Path $python)) {
    Write-Host "== creating $venv"
    Invoke-Checked "venv" { py -3 -m venv $venv }
}
Write-Host "== installing the project with the build and test extras"
Invoke-Checked "pip install" { & $python -m pip install -q --disable-pip-version-check -e ".[build,test]" }

Write-Host "== icon"
Invoke-Checked "icons" { & $python packaging\icons.py --ico }

Write-Host "== PyInstaller"
if (Test-Path "dist\$app") { Remove-Item -Recurse -Force "dist\$app" }
Invoke-Checked "PyInstaller" {
    & $python -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller `
        packaging\windows\$app.spec
}
foreach ($exe in @("$app.exe", "kepatuhan.exe")) {
    if (-not (Test-Path "dist\$app\$exe")) { throw "build failed: dist\$app\$exe is missing" }
}

$bytes = (Get-ChildItem -Recurse -File "dist\$app" | Measure-Object -Property Length -Sum).Sum
Write-Host ("== size: {0:N0} MB unpacked" -f ($bytes / 1MB))
Get-ChildItem -Recurse -File "dist\$app" | Sort-Object Length -Descending | Select-Object -First 15 |
    ForEach-Object { Write-Host ("   {0,8:N1} MB  {1}" -f ($_.Length / 1MB), $_.FullName.Substring((Resolve-Path "dist\$app").Path.Length + 1)) }

if (-not $NoTest) {
    Write-Host "== frozen tests"
    $env:KEPATUHAN_FROZEN = "1"
    $env:KEPATUHAN_FROZEN_DIR = (Resolve-Path "dist\$app").Path
    Invoke-Checked "frozen tests" { & $python -m pytest -q -p no:cacheprovider -m frozen tests\frozen }
}

if (-not $NoInstaller) {
    Write-Host "== installer (Inno Setup)"
    $iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
              "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $iscc) { throw "Inno Setup 6 not found: install it from https://jrsoftware.org/isinfo.php (or use -NoInstaller)" }
    Invoke-Checked "ISCC" { & $iscc "/DAppVersion=$version" "packaging\windows\$app.iss" }
    Write-Host "== done: dist\$app-$version-windows-x64-setup.exe"
}
