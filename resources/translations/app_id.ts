<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID">
<context>
    <name>Conflicts</name>
    <message>
        <source>N/A (not applicable)</source>
        <translation>N/A (tidak berlaku)</translation>
    </message>
    <message>
        <source>(answer removed)</source>
        <translation>(jawaban dihapus)</translation>
    </message>
    <message>
        <source>different answers</source>
        <translation>jawaban berbeda</translation>
    </message>
    <message>
        <source>edited after finalisation</source>
        <translation>diubah setelah difinalkan</translation>
    </message>
</context>
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
        <source>This unit is not part of the {year} period.</source>
        <translation>Unit ini tidak termasuk periode {year}.</translation>
    </message>
    <message>
        <source>This unit is finalised; reopen it (with a reason) to change it.</source>
        <translation>Unit ini sudah final; buka kembali (dengan alasan) untuk mengubahnya.</translation>
    </message>
    <message>
        <source>{unit} cannot be finalised yet: {count} required indicator(s) unanswered ({indicators}).</source>
        <translation>{unit} belum dapat difinalkan: {count} indikator wajib belum dijawab ({indicators}).</translation>
    </message>
    <message>
        <source>{unit} cannot be finalised yet: {count} conflict(s) not yet resolved.</source>
        <translation>{unit} belum dapat difinalkan: {count} konflik belum diselesaikan.</translation>
    </message>
    <message>
        <source>{unit} is already finalised.</source>
        <translation>{unit} sudah difinalkan.</translation>
    </message>
    <message>
        <source>{unit} is not finalised.</source>
        <translation>{unit} belum difinalkan.</translation>
    </message>
    <message>
        <source>Give the reason for reopening the finalised unit.</source>
        <translation>Tuliskan alasan membuka kembali unit yang sudah final.</translation>
    </message>
    <message>
        <source>Indicator {indicator} is not in instrument {instrument}.</source>
        <translation>Indikator {indicator} tidak ada dalam instrumen {instrument}.</translation>
    </message>
    <message>
        <source>Indicator {indicator} has answers in conflict: resolve the conflict (with a reason) instead of editing it.</source>
        <translation>Indikator {indicator} memiliki jawaban yang berkonflik: selesaikan konfliknya (dengan alasan), bukan mengubahnya langsung.</translation>
    </message>
    <message>
        <source>{indicator} of unit {unit} of {institution} has answers in conflict: resolve the conflict (with a reason) instead of importing over it. Nothing was imported.</source>
        <translation>{indicator} pada unit {unit} dari {institution} memiliki jawaban yang berkonflik: selesaikan konfliknya (dengan alasan), jangan ditimpa dengan impor. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>Answer the indicator before adding a note.</source>
        <translation>Jawab indikatornya sebelum menambahkan catatan.</translation>
    </message>
    <message>
        <source>Indicator {indicator} cannot be N/A.</source>
        <translation>Indikator {indicator} tidak boleh tidak berlaku (N/A).</translation>
    </message>
    <message>
        <source>“{value}” is not a number (write NA for not applicable).</source>
        <translation>“{value}” bukan angka (tulis NA untuk tidak berlaku).</translation>
    </message>
    <message>
        <source>The value {value} is outside 0 to {max} for indicator {indicator}.</source>
        <translation>Nilai {value} di luar rentang 0 sampai {max} untuk indikator {indicator}.</translation>
    </message>
    <message>
        <source>Indicator {indicator} takes a whole number from 0 to {max}, not {value}.</source>
        <translation>Indikator {indicator} memerlukan bilangan bulat dari 0 sampai {max}, bukan {value}.</translation>
    </message>
    <message>
        <source>Indicator {indicator} has no value (write NA for not applicable).</source>
        <translation>Indikator {indicator} belum diberi nilai (tulis NA untuk tidak berlaku).</translation>
    </message>
    <message>
        <source>Indicator {indicator} is not answered by a survey.</source>
        <translation>Indikator {indicator} tidak dijawab melalui survei.</translation>
    </message>
    <message>
        <source>Respondents are numbered from 1.</source>
        <translation>Nomor responden dimulai dari 1.</translation>
    </message>
    <message>
        <source>Write the reason for this choice: a conflict is resolved only with one.</source>
        <translation>Tuliskan alasan pilihan ini: konflik hanya dapat diselesaikan dengan alasan.</translation>
    </message>
    <message>
        <source>Choose one of the answers, or give another value.</source>
        <translation>Pilih salah satu jawaban, atau berikan nilai lain.</translation>
    </message>
    <message>
        <source>Conflict {id} is ambiguous; give more characters.</source>
        <translation>Kode konflik {id} cocok dengan lebih dari satu konflik; tambahkan karakternya.</translation>
    </message>
    <message>
        <source>There is no answer by {author} in this conflict.</source>
        <translation>Tidak ada jawaban dari {author} dalam konflik ini.</translation>
    </message>
    <message>
        <source>{file} is {size} MB; evidence files may be at most {limit} MB. Resize the photo or attach a smaller file.</source>
        <translation>{file} berukuran {size} MB; berkas bukti paling besar {limit} MB. Perkecil fotonya atau lampirkan berkas yang lebih kecil.</translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation>{file} kosong.</translation>
    </message>
    <message>
        <source>This evidence file is no longer in the database.</source>
        <translation>Berkas bukti ini sudah tidak ada di basis data.</translation>
    </message>
    <message>
        <source>the file cannot be read ({reason}).</source>
        <translation>berkas tidak dapat dibaca ({reason}).</translation>
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