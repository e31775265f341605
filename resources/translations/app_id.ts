<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID">
<context>
    <name>Errors</name>
    <message>
        <source>{path}: there is no such database.</source>
        <extracomment>code -&gt; English template with ``{param}`` placeholders; translated when shown (the language can change).</extracomment>
        <translation>{path}: basis data ini tidak ada.</translation>
    </message>
    <message>
        <source>There is no assessment period {year} in this database yet. Receive the plan package from your coordinator, or import a plan.</source>
        <translation>Belum ada periode penilaian {year} di basis data ini. Terima paket rencana dari koordinator Anda, atau impor rencana.</translation>
    </message>
    <message>
        <source>This package is signed by {signer} (key {fingerprint}), whom this database does not trust yet.</source>
        <translation>Paket ini ditandatangani oleh {signer} (kunci {fingerprint}), yang belum dipercaya oleh basis data ini.</translation>
    </message>
    <message>
        <source>This package is signed by {signer} (key {fingerprint}), whose key has been revoked. Nothing was imported.</source>
        <translation>Paket ini ditandatangani oleh {signer} (kunci {fingerprint}), yang kuncinya telah dicabut. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>This package was made with instrument {instrument}, which this database does not have. Receive the coordinator's plan package first. Nothing was imported.</source>
        <translation>Paket ini dibuat dengan instrumen {instrument}, yang tidak ada di basis data ini. Terima dulu paket rencana dari koordinator. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>There is no open conflict {id}.</source>
        <translation>Tidak ada konflik terbuka {id}.</translation>
    </message>
    <message>
        <source>There is no trusted key with fingerprint {fingerprint}.</source>
        <translation>Tidak ada kunci tepercaya dengan sidik jari {fingerprint}.</translation>
    </message>
    <message>
        <source>Please enter your name.</source>
        <translation>Silakan isi nama Anda.</translation>
    </message>
    <message>
        <source>{file}, line {line}</source>
        <translation>{file}, baris {line}</translation>
    </message>
    <message>
        <source>{where}, column '{column}'</source>
        <translation>{where}, kolom '{column}'</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Views</source>
        <translation>Tampilan</translation>
    </message>
    <message>
        <source>&amp;Period: </source>
        <translation>&amp;Periode: </translation>
    </message>
    <message>
        <source>Assessment period</source>
        <translation>Periode penilaian</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <source>&amp;About Kepatuhan Desktop</source>
        <translation>&amp;Tentang Kepatuhan Desktop</translation>
    </message>
    <message>
        <source>Inspector: {who}</source>
        <translation>Pemeriksa: {who}</translation>
    </message>
    <message>
        <source>No inspector set</source>
        <translation>Pemeriksa belum diatur</translation>
    </message>
    <message>
        <source>Signing key {fp}</source>
        <translation>Kunci tanda tangan {fp}</translation>
    </message>
    <message>
        <source>Offline assessment of public-service compliance (Ombudsman RI method).</source>
        <translation>Penilaian kepatuhan penyelenggaraan pelayanan publik secara luring (metode Ombudsman RI).</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Basis data: {path}</translation>
    </message>
    <message>
        <source>Database schema version: {db} (this build writes {build})</source>
        <translation>Versi skema basis data: {db} (versi aplikasi ini menulis {build})</translation>
    </message>
    <message>
        <source>Instruments loaded: {list}</source>
        <translation>Instrumen yang dimuat: {list}</translation>
    </message>
    <message>
        <source>About Kepatuhan Desktop</source>
        <translation>Tentang Kepatuhan Desktop</translation>
    </message>
</context>
<context>
    <name>PagePlaceholder</name>
    <message>
        <source>This view could not be opened: {title}</source>
        <translation>Tampilan ini tidak dapat dibuka: {title}</translation>
    </message>
    <message>
        <source>The other views work normally. Please report this error:</source>
        <translation>Tampilan lain tetap berfungsi normal. Mohon laporkan galat ini:</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Rincian galat</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Assessment</source>
        <translation>Penilaian</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Pertukaran</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Bahasa:</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to {app}</source>
        <translation>Selamat datang di {app}</translation>
    </message>
    <message>
        <source>This is the first start of {app} on this computer. Tell us who you are; your name goes with every answer you record. The database will be created at:</source>
        <translation>Ini adalah pertama kali {app} dijalankan di komputer ini. Isi identitas Anda; nama Anda dicatat bersama setiap jawaban yang Anda rekam. Basis data akan dibuat di:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>NIP / &amp;ID:</source>
        <translation>NIP / &amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>&amp;Kantor:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Bahasa:</translation>
    </message>
</context>
</TS>