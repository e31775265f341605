; Inno Setup script for the Windows installer of Kepatuhan Desktop (Inno Setup 6.2 or later).
;
; Build the frozen folder first (packaging\windows\build.ps1 does everything), then from the repository root:
;
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\kepatuhan-desktop.iss
;
; Without /DAppVersion the version is read from the ProductVersion resource of the built
; kepatuhan-desktop.exe, which the PyInstaller spec takes from kepatuhan_desktop/__init__.py (the version
; pyproject.toml declares). Output: dist\kepatuhan-desktop-<version>-windows-x64-setup.exe
;
; Installs to Program Files (or, if the user chooses "only for me", to their profile), adds Start menu
; shortcuts (the app, the app on demo data, uninstall) and optionally a desktop shortcut; installer languages
; Bahasa Indonesia (default) and English. Uninstalling removes the program and keeps the user's data
; (%LOCALAPPDATA%\kepatuhan-desktop: the database, keys and backups).

#define AppName "Kepatuhan Desktop"
#define AppExe "kepatuhan-desktop.exe"
#define CliExe "kepatuhan.exe"
#define DistDir AddBackslash(SourcePath) + "..\..\dist\kepatuhan-desktop"
#define IconFile AddBackslash(SourcePath) + "..\..\resources\icons\kepatuhan-desktop.ico"
#if !FileExists(IconFile)
  #define IconFile AddBackslash(SourcePath) + "..\..\build\kepatuhan-desktop.ico"
#endif

#if !FileExists(DistDir + "\" + AppExe)
  #error The frozen app is missing: build dist\kepatuhan-desktop first (packaging\windows\build.ps1).
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(DistDir + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error No version: pass /DAppVersion=X.Y.Z (build.ps1 reads it from kepatuhan_desktop\__init__.py).
#endif

[Setup]
; AppId identifies the product for upgrades and uninstall: never change it.
AppId={{6D0E5068-D055-5469-B151-40E09CB11E75}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Kepatuhan Desktop developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=auto
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=kepatuhan-desktop-{#AppVersion}-windows-x64-setup
#if FileExists(IconFile)
SetupIconFile={#IconFile}
#endif
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
ShowLanguageDialog=auto

[Languages]
; Indonesian first: the default when Windows' display language is neither Indonesian nor English.
; Indonesian.isl (ours) overrides the messages of Default.isl that the wizard shows.
Name: "id"; MessagesFile: "compiler:Default.isl,Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
id.DemoShortcut=Kepatuhan Desktop (data demo)
en.DemoShortcut=Kepatuhan Desktop (demo data)
id.DemoComment=Membuka basis data demo untuk latihan
en.DemoComment=Opens the demo database for practice

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: kepatuhan-desktop.exe (GUI), kepatuhan.exe (CLI) and _internal\.
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries completely (no stale DLLs from an older Qt).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:DemoShortcut}"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{userdocs}"; Comment: "{cm:DemoComment}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
