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
        <source>There is no institution {institution} in {year}.</source>
        <translation>Tidak ada instansi {institution} pada {year}.</translation>
    </message>
    <message>
        <source>The period {year} has no institutions yet.</source>
        <translation>Periode {year} belum memiliki instansi.</translation>
    </message>
    <message>
        <source>{path}: there is no such file.</source>
        <translation>{path}: berkas ini tidak ada.</translation>
    </message>
    <message>
        <source>The documents of {year} cannot be issued yet: not set for this period: {missing}. Fill them in under Signatory and issue details, or produce a draft. Nothing was written.</source>
        <translation>Dokumen {year} belum dapat diterbitkan: belum diisi untuk periode ini: {missing}. Isi melalui Penanda tangan dan data terbit, atau buat draf. Tidak ada berkas yang ditulis.</translation>
    </message>
    <message>
        <source>The {what} image set for the documents does not exist.</source>
        <translation>Gambar {what} yang ditetapkan untuk dokumen tidak ada.</translation>
    </message>
    <message>
        <source>'{value}' is not a date; write it as YYYY-MM-DD.</source>
        <translation>'{value}' bukan tanggal; tulis sebagai TTTT-BB-HH.</translation>
    </message>
    <message>
        <source>Expected on or off, not '{value}'.</source>
        <translation>Diharapkan on atau off, bukan '{value}'.</translation>
    </message>
    <message>
        <source>'{item}' is not an item of the running order ({known}).</source>
        <translation>'{item}' bukan mata acara susunan acara ({known}).</translation>
    </message>
    <message>
        <source>{item}: expected whole minutes from 0 to 240, not '{value}'.</source>
        <translation>{item}: diharapkan menit bulat dari 0 sampai 240, bukan '{value}'.</translation>
    </message>
    <message>
        <source>'{name}' is not a document setting ({known}).</source>
        <translation>'{name}' bukan pengaturan dokumen ({known}).</translation>
    </message>
    <message>
        <source>'{zone}' is not a zone.</source>
        <translation>'{zone}' bukan zona.</translation>
    </message>
    <message>
        <source>{name} is incomplete in {year}: {answered} of {total} answers. No certificate was written.</source>
        <translation>{name} belum lengkap pada {year}: {answered} dari {total} jawaban. Tidak ada piagam yang ditulis.</translation>
    </message>
    <message>
        <source>The certificate of {name} for {year} is withheld: {reason}. No certificate was written.</source>
        <translation>Piagam {name} untuk {year} ditangguhkan: {reason}. Tidak ada piagam yang ditulis.</translation>
    </message>
    <message>
        <source>{name} cannot be certified for {year}: {count} open conflict(s) between inspectors' answers. Resolve them first. No certificate was written.</source>
        <translation>{name} belum dapat diberi piagam untuk {year}: {count} perbedaan jawaban antar pemeriksa belum diselesaikan. Selesaikan dahulu. Tidak ada piagam yang ditulis.</translation>
    </message>
    <message>
        <source>{name} cannot be certified for {year}: the period requires approval and {name} is not approved. No certificate was written.</source>
        <translation>{name} belum dapat diberi piagam untuk {year}: periode ini mewajibkan persetujuan dan {name} belum disetujui. Tidak ada piagam yang ditulis.</translation>
    </message>
    <message>
        <source>{name} is not eligible for this certificate in {year} (score {score}, category {band}). No certificate was written.</source>
        <translation>{name} tidak berhak atas dokumen ini pada {year} (nilai {score}, kategori {band}). Tidak ada piagam yang ditulis.</translation>
    </message>
    <message>
        <source>There is no unit '{unit}' in {year}.</source>
        <translation>Tidak ada unit '{unit}' pada {year}.</translation>
    </message>
    <message>
        <source>No certificate to print for {year}: {held} held by the review, {not_selected} not eligible for this choice, {incomplete} incomplete, {withheld} withheld.</source>
        <translation>Tidak ada piagam untuk dicetak pada {year}: {held} tertahan peninjauan, {not_selected} tidak termasuk pilihan ini, {incomplete} belum lengkap, {withheld} ditangguhkan.</translation>
    </message>
    <message>
        <source>Please give a reason for the revocation.</source>
        <translation>Berikan alasan pencabutan.</translation>
    </message>
    <message>
        <source>No certificate with serial {serial} was issued from this database.</source>
        <translation>Tidak ada piagam bernomor {serial} yang diterbitkan dari basis data ini.</translation>
    </message>
    <message>
        <source>Certificate {serial} is already revoked.</source>
        <translation>Piagam {serial} sudah dicabut.</translation>
    </message>
    <message>
        <source>Please give a reason for withholding the certificate.</source>
        <translation>Berikan alasan penangguhan piagam.</translation>
    </message>
    <message>
        <source>Not valid: {reason}</source>
        <translation>Tidak sah: {reason}</translation>
    </message>
    <message>
        <source>This is not a Kepatuhan certificate code.</source>
        <translation>Ini bukan kode piagam Kepatuhan.</translation>
    </message>
    <message>
        <source>The certificate code is damaged or incomplete.</source>
        <translation>Kode piagam rusak atau tidak lengkap.</translation>
    </message>
    <message>
        <source>{path} carries no certificate code: it was not made by this application, or it is a draft.</source>
        <translation>{path} tidak memuat kode piagam: tidak dibuat oleh aplikasi ini, atau berupa draf.</translation>
    </message>
    <message>
        <source>{path} cannot be read as a PDF.</source>
        <translation>{path} tidak dapat dibaca sebagai PDF.</translation>
    </message>
    <message>
        <source>{name} is incomplete in {year}: {answered} of {total} answers. The rapor needs a complete assessment.</source>
        <translation>{name} belum lengkap pada {year}: {answered} dari {total} jawaban. Rapor memerlukan penilaian yang lengkap.</translation>
    </message>
    <message>
        <source>'{dialect}' is not a CSV kind (plain or excel).</source>
        <translation>'{dialect}' bukan jenis CSV (plain atau excel).</translation>
    </message>
    <message>
        <source>{path}: the recap is written as .pdf, .xlsx or .csv.</source>
        <translation>{path}: rekapitulasi ditulis sebagai .pdf, .xlsx atau .csv.</translation>
    </message>
    <message>
        <source>'{value}' is not a time; write it as HH:MM, e.g. 09:00.</source>
        <translation>'{value}' bukan jam; tulis sebagai JJ:MM, mis. 09:00.</translation>
    </message>
    <message>
        <source>Nobody to call up in {year}: no institution may be given a certificate yet.</source>
        <translation>Belum ada penerima pada {year}: belum ada instansi yang dapat diberi piagam.</translation>
    </message>
    <message>
        <source>{name} has {count} open conflict(s) in {year}; resolve them before approving.</source>
        <translation>{name} masih memiliki {count} perbedaan jawaban pada {year}; selesaikan sebelum menyetujui.</translation>
    </message>
    <message>
        <source>{name} is incomplete in {year}; only complete results can be approved.</source>
        <translation>{name} belum lengkap pada {year}; hanya hasil yang lengkap yang dapat disetujui.</translation>
    </message>
    <message>
        <source>Please give a reason for reopening the review.</source>
        <translation>Berikan alasan mengembalikan ke tinjauan.</translation>
    </message>
    <message>
        <source>{name} is not approved in {year}; there is nothing to reopen.</source>
        <translation>{name} belum disetujui pada {year}; tidak ada yang perlu dikembalikan.</translation>
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