<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>BackupPanel</name>
    <message>
        <source>Back &amp;up now…</source>
        <translation>Cadan&amp;gkan sekarang…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>Pu&amp;lihkan dari cadangan…</translation>
    </message>
    <message>
        <source>&amp;Automatic backups to keep:</source>
        <translation>&amp;Jumlah cadangan otomatis yang disimpan:</translation>
    </message>
    <message>
        <source>Automatic backup</source>
        <translation>Cadangan otomatis</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>Cadangan otomatis</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Cadangkan basis data</translation>
    </message>
    <message>
        <source>Databases (*.db)</source>
        <translation>Basis data (*.db)</translation>
    </message>
    <message>
        <source>Backup written and checked: {file}</source>
        <translation>Cadangan ditulis dan diperiksa: {file}</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Databases (*.db);;All files (*)</source>
        <translation>Basis data (*.db);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Replace the current database with {file}? A backup of the current database is taken first.</source>
        <translation>Ganti basis data saat ini dengan {file}? Basis data saat ini dicadangkan lebih dahulu.</translation>
    </message>
    <message>
        <source>Waiting for the database: another program is writing to it.
The backup is restored as soon as it is free; nothing has been changed yet.</source>
        <translation>Menunggu basis data: program lain sedang menulis ke sana.
Cadangan dipulihkan begitu basis data bebas; belum ada yang diubah.</translation>
    </message>
    <message>
        <source>Restoring {file}…</source>
        <translation>Memulihkan {file}…</translation>
    </message>
    <message>
        <source>Restoring from a backup</source>
        <translation>Memulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Restored {file}. The previous database was saved as {saved}.</source>
        <translation>{file} dipulihkan. Basis data sebelumnya disimpan sebagai {saved}.</translation>
    </message>
    <message>
        <source>Restore cancelled: the database is unchanged.</source>
        <translation>Pemulihan dibatalkan: basis data tidak berubah.</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Institution</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Konflik terbuka</translation>
    </message>
    <message>
        <source>Why this answer (required, goes into the audit log)</source>
        <translation>Alasan memilih jawaban ini (wajib, dicatat di log audit)</translation>
    </message>
    <message>
        <source>Reason for the resolution</source>
        <translation>Alasan penyelesaian</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
    <message>
        <source>Another value</source>
        <translation>Nilai lain</translation>
    </message>
    <message>
        <source>another value, e.g. 2 or NA</source>
        <translation>nilai lain, mis. 2 atau NA</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>Ni&amp;lai:</translation>
    </message>
    <message>
        <source>&amp;Take this value</source>
        <translation>&amp;Gunakan nilai ini</translation>
    </message>
    <message>
        <source>Note of the resolution</source>
        <translation>Catatan penyelesaian</translation>
    </message>
    <message>
        <source>optional; keeping an answer without a note keeps its note</source>
        <translation>opsional; bila dikosongkan saat memakai satu jawaban, catatan jawaban itu yang dipakai</translation>
    </message>
    <message>
        <source>&amp;Note of the resolution:</source>
        <translation>Catatan pen&amp;yelesaian:</translation>
    </message>
    <message>
        <source>{n} open conflict(s). Until resolved, the latest edit is shown (a finalised answer stays shown).</source>
        <translation>{n} konflik terbuka. Sampai diselesaikan, yang ditampilkan adalah perubahan terakhir (jawaban yang sudah difinalkan tetap ditampilkan).</translation>
    </message>
    <message>
        <source>No conflict selected.</source>
        <translation>Tidak ada konflik yang dipilih.</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Jawaban:</translation>
    </message>
    <message>
        <source>By:</source>
        <translation>Oleh:</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Waktu:</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>(tanpa catatan)</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Catatan:</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Bukti:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>shown now</source>
        <translation>ditampilkan sekarang</translation>
    </message>
    <message>
        <source>in the finalised unit</source>
        <translation>pada unit yang sudah difinalkan</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Keep this answer</source>
        <translation>Pertahankan jawaban ini</translation>
    </message>
    <message>
        <source>Keep the answer of {name}</source>
        <translation>Pertahankan jawaban {name}</translation>
    </message>
    <message>
        <source>Write the reason for this choice first.</source>
        <translation>Tulis dulu alasan pilihan ini.</translation>
    </message>
    <message>
        <source>Resolved. The choice travels with the next export.</source>
        <translation>Selesai. Pilihan ini ikut terkirim pada ekspor berikutnya.</translation>
    </message>
</context>
<context>
    <name>ExchangeView</name>
    <message>
        <source>Exchange</source>
        <translation>Pertukaran</translation>
    </message>
    <message>
        <source>&amp;Send and receive</source>
        <translation>&amp;Kirim dan terima</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>K&amp;onflik</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>K&amp;unci</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>&amp;Cadangan</translation>
    </message>
    <message>
        <source>Packages receive&amp;d</source>
        <translation>Paket &amp;diterima</translation>
    </message>
    <message>
        <source>&amp;Conflicts ({n})</source>
        <translation>K&amp;onflik ({n})</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Imported</source>
        <translation>Diimpor</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>New records</source>
        <translation>Catatan baru</translation>
    </message>
    <message>
        <source>Packages received</source>
        <translation>Paket diterima</translation>
    </message>
    <message>
        <source>{n} institution(s)</source>
        <translation>{n} instansi</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>rencana</translation>
    </message>
    <message>
        <source>results</source>
        <translation>hasil</translation>
    </message>
</context>
<context>
    <name>KeysPanel</name>
    <message>
        <source>This installation</source>
        <translation>Instalasi ini</translation>
    </message>
    <message>
        <source>Fingerprint of this installation&apos;s key</source>
        <translation>Sidik jari kunci instalasi ini</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nama:</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>Kantor:</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Sidik jari:</translation>
    </message>
    <message>
        <source>Read this fingerprint out when someone phones to check your key. Your name and office are changed in Settings.</source>
        <translation>Bacakan sidik jari ini bila ada yang menelepon untuk memeriksa kunci Anda. Nama dan kantor Anda diubah di Pengaturan.</translation>
    </message>
    <message>
        <source>E&amp;xport my public key…</source>
        <translation>Ekspor kunci publik &amp;saya…</translation>
    </message>
    <message>
        <source>Trusted keys (packages signed by these are accepted)</source>
        <translation>Kunci tepercaya (paket yang ditandatangani dengan kunci ini diterima)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Sidik jari</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sejak</translation>
    </message>
    <message>
        <source>Trusted keys</source>
        <translation>Kunci tepercaya</translation>
    </message>
    <message>
        <source>&amp;Trust a key file…</source>
        <translation>Perc&amp;ayai berkas kunci…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Ubah pe&amp;ran…</translation>
    </message>
    <message>
        <source>Re&amp;voke selected…</source>
        <translation>Cabut yang d&amp;ipilih…</translation>
    </message>
    <message>
        <source>this installation</source>
        <translation>instalasi ini</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>tepercaya</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>dicabut</translation>
    </message>
    <message>
        <source>key</source>
        <translation>kunci</translation>
    </message>
    <message>
        <source>Export public key</source>
        <translation>Ekspor kunci publik</translation>
    </message>
    <message>
        <source>Public keys (*.pub)</source>
        <translation>Kunci publik (*.pub)</translation>
    </message>
    <message>
        <source>{file} could not be written: {reason}</source>
        <translation>{file} tidak dapat ditulis: {reason}</translation>
    </message>
    <message>
        <source>Public key written: {file}. Give it to the person who must trust your packages, and tell them your fingerprint by phone.</source>
        <translation>Kunci publik ditulis: {file}. Serahkan kepada orang yang perlu memercayai paket Anda, dan sebutkan sidik jari Anda lewat telepon.</translation>
    </message>
    <message>
        <source>Trust a key file</source>
        <translation>Percayai berkas kunci</translation>
    </message>
    <message>
        <source>Trusted as {role}: {name}.</source>
        <translation>Dipercaya sebagai {role}: {name}.</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Ubah peran</translation>
    </message>
    <message>
        <source>What may packages signed by {name} bring?</source>
        <translation>Apa yang boleh dibawa paket yang ditandatangani {name}?</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Cabut kunci</translation>
    </message>
    <message>
        <source>Packages signed by {name} will be refused from now on.
Reason:</source>
        <translation>Paket yang ditandatangani {name} akan ditolak mulai sekarang.
Alasan:</translation>
    </message>
</context>
<context>
    <name>PackageReceiver</name>
    <message>
        <source>Merging…</source>
        <translation>Menggabungkan…</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Mengimpor</translation>
    </message>
</context>
<context>
    <name>TransferPanel</name>
    <message>
        <source>Send: export a package</source>
        <translation>Kirim: ekspor paket</translation>
    </message>
    <message>
        <source>&amp;Results (answers, notes, finalisations, evidence)</source>
        <translation>&amp;Hasil (jawaban, catatan, finalisasi, bukti)</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Jenis:</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>&amp;Instansi:</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Penerima</translation>
    </message>
    <message>
        <source>Only what was not yet sent to this recipient</source>
        <translation>Hanya yang belum dikirim ke penerima ini</translation>
    </message>
    <message>
        <source>E&amp;xport package…</source>
        <translation>Ek&amp;spor paket…</translation>
    </message>
    <message>
        <source>Receive: import packages</source>
        <translation>Terima: impor paket</translation>
    </message>
    <message>
        <source>Every package is checked (signature, trusted sender, file hashes) before anything is written. Importing the same package again changes nothing.</source>
        <translation>Setiap paket diperiksa (tanda tangan, pengirim tepercaya, hash berkas) sebelum apa pun ditulis. Mengimpor paket yang sama lagi tidak mengubah apa pun.</translation>
    </message>
    <message>
        <source>Summary of the last export or import</source>
        <translation>Ringkasan ekspor atau impor terakhir</translation>
    </message>
    <message>
        <source>The summary of the last export or import appears here.</source>
        <translation>Ringkasan ekspor atau impor terakhir tampil di sini.</translation>
    </message>
    <message>
        <source>All institutions</source>
        <translation>Semua instansi</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Siapa saja</translation>
    </message>
    <message>
        <source>Export package</source>
        <translation>Ekspor paket</translation>
    </message>
    <message>
        <source>Kepatuhan packages (*.kpk)</source>
        <translation>Paket Kepatuhan (*.kpk)</translation>
    </message>
    <message>
        <source>Writing the package…</source>
        <translation>Menulis paket…</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Mengekspor</translation>
    </message>
    <message>
        <source>Nothing new to send since the last export to this recipient.</source>
        <translation>Tidak ada yang baru untuk dikirim sejak ekspor terakhir ke penerima ini.</translation>
    </message>
    <message>
        <source>Refused or failed:</source>
        <translation>Ditolak atau gagal:</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Pertukaran</translation>
    </message>
    <message>
        <source>Import packages</source>
        <translation>Impor paket</translation>
    </message>
    <message>
        <source>Take a backup of the database before importing? (Recommended.)</source>
        <translation>Cadangkan basis data sebelum mengimpor? (Disarankan.)</translation>
    </message>
    <message>
        <source>{file}: {kind} package for {year} from {name} ({fp})</source>
        <translation>{file}: paket {kind} {year} dari {name} ({fp})</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>rencana</translation>
    </message>
    <message>
        <source>P&amp;lan (institutions, units, products, assignments)</source>
        <translation>&amp;Rencana (instansi, unit, produk, penugasan)</translation>
    </message>
    <message>
        <source>Recipie&amp;nt:</source>
        <translation>P&amp;enerima:</translation>
    </message>
    <message>
        <source>I&amp;mport packages…</source>
        <translation>I&amp;mpor paket…</translation>
    </message>
    <message>
        <source>results</source>
        <translation>hasil</translation>
    </message>
    <message>
        <source>Plan package written: {file}
{n} institution(s), {size}.</source>
        <translation>Paket rencana ditulis: {file}
{n} instansi, {size}.</translation>
    </message>
    <message>
        <source>Results package written: {file}
{records} record(s) in {batches} batch(es), {evidence} evidence file(s), {size}.</source>
        <translation>Paket hasil ditulis: {file}
{records} catatan dalam {batches} kelompok, {evidence} berkas bukti, {size}.</translation>
    </message>
    <message>
        <source>institutions</source>
        <translation>instansi</translation>
    </message>
    <message>
        <source>units</source>
        <translation>unit</translation>
    </message>
    <message>
        <source>products</source>
        <translation>produk</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>jawaban</translation>
    </message>
    <message>
        <source>{what}: {new} new, {updated} updated, {unchanged} unchanged</source>
        <translation>{what}: {new} baru, {updated} diperbarui, {unchanged} tetap</translation>
    </message>
    <message>
        <source>The coordinator moved period {year} from instrument {before} to {after} ({reason}): {n} of {total} institution(s) change score, band, zone or rank.</source>
        <translation>Koordinator memindahkan periode {year} dari instrumen {before} ke {after} ({reason}): {n} dari {total} instansi berubah nilai, kategori, zona atau peringkatnya.</translation>
    </message>
    <message>
        <source>Answers to indicators the new version no longer has are kept and shown as retired, not scored: {list}.</source>
        <translation>Jawaban untuk indikator yang tidak ada lagi di versi baru tetap disimpan dan ditampilkan sebagai indikator lama, tidak dinilai: {list}.</translation>
    </message>
    <message>
        <source>{code}: {new} new, {updated} updated, {unchanged} unchanged, {conflicts} conflict(s)</source>
        <translation>{code}: {new} baru, {updated} diperbarui, {unchanged} tetap, {conflicts} konflik</translation>
    </message>
    <message>
        <source>Nothing new: everything in this package was already here.</source>
        <translation>Tidak ada yang baru: semua isi paket ini sudah ada di sini.</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>Trust this sender?</source>
        <extracomment>Refusals after which the sender may be trusted (or given another role) and the import tried again: a sender not trusted yet, and a plan package from a key trusted only as an inspector&apos;s.</extracomment>
        <translation>Percayai pengirim ini?</translation>
    </message>
    <message>
        <source>{name} may not send this package with the role they have here.</source>
        <translation>{name} tidak boleh mengirim paket ini dengan peran yang dimilikinya di sini.</translation>
    </message>
    <message>
        <source>This package is signed by someone this computer does not trust yet.</source>
        <translation>Paket ini ditandatangani oleh seseorang yang belum dipercaya komputer ini.</translation>
    </message>
    <message>
        <source>Trust the key of {name}?</source>
        <translation>Percayai kunci milik {name}?</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(tidak disebutkan)</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Sidik jari</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nama:</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>Kantor:</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Sidik jari:</translation>
    </message>
    <message>
        <source>Trusted now as:</source>
        <translation>Saat ini dipercaya sebagai:</translation>
    </message>
    <message>
        <source>Role of this key</source>
        <translation>Peran kunci ini</translation>
    </message>
    <message>
        <source>Trust &amp;as:</source>
        <translation>Percayai &amp;sebagai:</translation>
    </message>
    <message>
        <source>Before you trust this key, phone {name} and ask them to read out the fingerprint shown in their Exchange page, Keys tab. Trust it only if every character matches: from then on, packages signed with this key are accepted.</source>
        <translation>Sebelum memercayai kunci ini, teleponlah {name} dan minta ia membacakan sidik jari yang tampil di halaman Pertukaran, tab Kunci miliknya. Percayai hanya jika setiap karakternya sama: sejak itu, paket yang ditandatangani dengan kunci ini diterima.</translation>
    </message>
    <message>
        <source>An inspector&apos;s key may send results. A coordinator&apos;s key may also send plans, revocations and certificates.</source>
        <translation>Kunci pemeriksa boleh mengirim hasil. Kunci koordinator juga boleh mengirim rencana, pencabutan, dan piagam.</translation>
    </message>
    <message>
        <source>This is a plan package: it is accepted only from a coordinator&apos;s key.</source>
        <translation>Ini paket rencana: hanya diterima dari kunci koordinator.</translation>
    </message>
    <message>
        <source>&amp;Trust and import</source>
        <translation>&amp;Percayai dan impor</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>&amp;Percayai</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Pemeriksa</translation>
    </message>
</context>
</TS>
