<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>ChangedCertificates</name>
    <message>
        <source>no longer in the period&apos;s plan</source>
        <translation>tidak lagi termasuk rencana periode</translation>
    </message>
    <message>
        <source>incomplete now ({answered} of {total} answers)</source>
        <translation>kini belum lengkap ({answered} dari {total} jawaban)</translation>
    </message>
    <message>
        <source>{n} open conflict(s) between inspectors&apos; answers</source>
        <translation>{n} perbedaan jawaban antarpemeriksa belum diselesaikan</translation>
    </message>
    <message>
        <source>the answers changed after it was approved</source>
        <translation>jawaban berubah sesudah disetujui</translation>
    </message>
    <message>
        <source>score {old} is now {new} ({band}): no longer earns the award</source>
        <translation>nilai {old} kini {new} ({band}): tidak lagi memenuhi syarat penghargaan</translation>
    </message>
    <message>
        <source>score {old} is now {new} ({band})</source>
        <translation>nilai {old} kini {new} ({band})</translation>
    </message>
    <message>
        <source>the recipient is now {name}</source>
        <translation>nama penerima kini {name}</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Certificates (piagam)</source>
        <translation>Piagam (sertifikat)</translation>
    </message>
    <message>
        <source>Rapor of an institution</source>
        <translation>Rapor satu instansi</translation>
    </message>
    <message>
        <source>Recap of the period</source>
        <translation>Rekapitulasi periode</translation>
    </message>
    <message>
        <source>Ceremony running order</source>
        <translation>Susunan acara penyerahan</translation>
    </message>
    <message>
        <source>Results that earn the award (piagam)</source>
        <translation>Hasil yang meraih penghargaan (piagam)</translation>
    </message>
    <message>
        <source>Green zone</source>
        <translation>Zona Hijau</translation>
    </message>
    <message>
        <source>Yellow zone</source>
        <translation>Zona Kuning</translation>
    </message>
    <message>
        <source>Red zone</source>
        <translation>Zona Merah</translation>
    </message>
    <message>
        <source>e.g. dukcapil (empty: whole institutions)</source>
        <translation>mis. dukcapil (kosong: seluruh instansi)</translation>
    </message>
    <message>
        <source>Withhold thi&amp;s certificate…</source>
        <translation>Tan&amp;gguhkan piagam ini…</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>&amp;Instansi:</translation>
    </message>
    <message>
        <source>&amp;Unit code:</source>
        <translation>K&amp;ode unit layanan:</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Buku kerja Excel (XLSX)</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>semua</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Folder hasil</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Te&amp;lusuri…</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Pilih folder hasil</translation>
    </message>
    <message>
        <source>Draft: ever&amp;y page marked DRAF, no serial</source>
        <translation>D&amp;raf: setiap halaman bertanda DRAF, tanpa nomor seri</translation>
    </message>
    <message>
        <source>A draft can also be printed for results still under review.</source>
        <translation>Draf juga dapat dicetak untuk hasil yang masih ditinjau.</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>&amp;Open output folder</source>
        <translation>Buka folder &amp;hasil</translation>
    </message>
    <message>
        <source>&amp;Verify a certificate…</source>
        <translation>Periksa &amp;keaslian piagam…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Files produced</source>
        <translation>Berkas yang dibuat</translation>
    </message>
    <message>
        <source>What to produce</source>
        <translation>Yang akan dibuat</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Dokumen:</translation>
    </message>
    <message>
        <source>Every complete result</source>
        <translation>Semua hasil yang lengkap</translation>
    </message>
    <message>
        <source>Results that do not earn the award get a &apos;Sertifikat Hasil Penilaian&apos;, never a piagam.</source>
        <translation>Hasil yang tidak meraih penghargaan mendapat &apos;Sertifikat Hasil Penilaian&apos;, tidak pernah piagam.</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>C&amp;akupan:</translation>
    </message>
    <message>
        <source>CSV for Excel (Indonesian regional settings)</source>
        <translation>CSV untuk Excel (pengaturan regional Indonesia)</translation>
    </message>
    <message>
        <source>CSV for scripts (comma, decimal point)</source>
        <translation>CSV untuk skrip (koma, titik desimal)</translation>
    </message>
    <message>
        <source>For&amp;mat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>Start time of the ceremony</source>
        <translation>Jam mulai acara</translation>
    </message>
    <message>
        <source>&amp;Starts at:</source>
        <translation>&amp;Jam mulai:</translation>
    </message>
    <message>
        <source>Top of each &amp;kind:</source>
        <translation>Ter&amp;atas per jenis:</translation>
    </message>
    <message>
        <source>Issue settings of the period</source>
        <translation>Data terbit periode</translation>
    </message>
    <message>
        <source>Output fo&amp;lder:</source>
        <translation>&amp;Folder hasil:</translation>
    </message>
    <message>
        <source>Files produ&amp;ced:</source>
        <translation>Berkas &amp;yang dibuat:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>Review before award</source>
        <translation>Peninjauan sebelum penghargaan</translation>
    </message>
    <message>
        <source>Preview and review</source>
        <translation>Pratinjau dan peninjauan</translation>
    </message>
    <message>
        <source>signatory name</source>
        <translation>nama penanda tangan</translation>
    </message>
    <message>
        <source>signatory title</source>
        <translation>jabatan penanda tangan</translation>
    </message>
    <message>
        <source>date</source>
        <translation>tanggal</translation>
    </message>
    <message>
        <source>Not set for {year}: {items}. Until then only drafts can be produced (Signatory and issue details…).</source>
        <translation>Belum diisi untuk {year}: {items}. Sampai diisi, hanya draf yang dapat dibuat (Penanda tangan dan data terbit…).</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>belum ada</translation>
    </message>
    <message>
        <source>All eligible institutions</source>
        <translation>Semua instansi yang berhak</translation>
    </message>
    <message>
        <source> (certificate withheld)</source>
        <translation> (piagam ditangguhkan)</translation>
    </message>
    <message>
        <source>P&amp;roduce</source>
        <translation>B&amp;uat</translation>
    </message>
    <message>
        <source>Si&amp;gnatory and issue details…</source>
        <translation>P&amp;enanda tangan dan data terbit…</translation>
    </message>
    <message>
        <source>Relea&amp;se this withheld certificate</source>
        <translation>Lepaskan penan&amp;gguhan piagam ini</translation>
    </message>
    <message>
        <source>Producing certificates</source>
        <translation>Membuat piagam</translation>
    </message>
    <message>
        <source>Producing the rapor</source>
        <translation>Membuat rapor</translation>
    </message>
    <message>
        <source>Producing the recap</source>
        <translation>Membuat rekapitulasi</translation>
    </message>
    <message>
        <source>Producing the running order</source>
        <translation>Membuat susunan acara</translation>
    </message>
    <message>
        <source>There is no period yet: load a plan or the demo data first.</source>
        <translation>Belum ada periode: muat rencana penilaian atau data demo terlebih dahulu.</translation>
    </message>
    <message>
        <source>Choose the institution for the rapor.</source>
        <translation>Pilih instansi untuk rapor.</translation>
    </message>
    <message>
        <source>{n} file(s) written to {folder}</source>
        <translation>{n} berkas ditulis ke {folder}</translation>
    </message>
    <message>
        <source>No certificate printed.</source>
        <translation>Tidak ada piagam yang dicetak.</translation>
    </message>
    <message>
        <source>Not printed: {reason}</source>
        <extracomment>answers the revocation question without a dialog when set (tests); None asks</extracomment>
        <translation>Tidak dicetak: {reason}</translation>
    </message>
    <message>
        <source>Printed as drafts, still under review: {names}</source>
        <translation>Dicetak sebagai draf, masih dalam peninjauan: {names}</translation>
    </message>
    <message>
        <source>Left out, held by the review: {names} (see Review before award)</source>
        <translation>Tidak dicetak, tertahan peninjauan: {names} (lihat Peninjauan sebelum penghargaan)</translation>
    </message>
    <message>
        <source>Replaced {file}: certificate {old} is superseded by {new}</source>
        <translation>{file} diganti: piagam {old} digantikan oleh {new}</translation>
    </message>
    <message>
        <source>Replaced {file} (it had other content)</source>
        <translation>{file} diganti (isinya berbeda)</translation>
    </message>
    <message>
        <source>Still valid although its result changed: {who}, certificate {serial}: {why}</source>
        <translation>Masih berlaku walau hasilnya berubah: {who}, piagam {serial}: {why}</translation>
    </message>
    <message>
        <source>Something went wrong (a bug); nothing was written.</source>
        <translation>Terjadi kesalahan program; tidak ada berkas yang ditulis.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Dibatalkan; tidak ada berkas yang ditulis.</translation>
    </message>
    <message>
        <source>{name}: no preview for this format; open the folder to see it.</source>
        <translation>{name}: format ini tidak dapat dipratinjau; buka foldernya untuk melihat.</translation>
    </message>
    <message>
        <source>Release certificate</source>
        <translation>Lepaskan penangguhan piagam</translation>
    </message>
    <message>
        <source>Release the withheld certificate of {name} for {year}?
Reason it was withheld: {reason}</source>
        <translation>Lepaskan penangguhan piagam {name} untuk {year}?
Alasan penangguhan: {reason}</translation>
    </message>
    <message>
        <source>Withhold certificate</source>
        <translation>Tangguhkan piagam</translation>
    </message>
    <message>
        <source>Why is the certificate of {name} for {year} withheld?
(for example: findings not followed up)</source>
        <translation>Mengapa piagam {name} untuk {year} ditangguhkan?
(misalnya: temuan belum ditindaklanjuti)</translation>
    </message>
</context>
<context>
    <name>IssueSettingsDialog</name>
    <message>
        <source>Signatory and issue details</source>
        <translation>Penanda tangan dan data terbit</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Berlaku untuk</translation>
    </message>
    <message>
        <source>Period {year} only</source>
        <translation>Hanya periode {year}</translation>
    </message>
    <message>
        <source>Every period (defaults)</source>
        <translation>Semua periode (bawaan)</translation>
    </message>
    <message>
        <source>&amp;Issuing body:</source>
        <translation>&amp;Lembaga penerbit:</translation>
    </message>
    <message>
        <source>D&amp;ecree number:</source>
        <translation>Nomor &amp;keputusan:</translation>
    </message>
    <message>
        <source>E&amp;vent:</source>
        <translation>Na&amp;ma acara:</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>&amp;Tempat:</translation>
    </message>
    <message>
        <source>Si&amp;gnature image:</source>
        <translation>Gambar tan&amp;da tangan:</translation>
    </message>
    <message>
        <source>L&amp;ogo:</source>
        <translation>L&amp;ogo:</translation>
    </message>
    <message>
        <source>&amp;Applies to:</source>
        <translation>&amp;Berlaku untuk:</translation>
    </message>
    <message>
        <source>Signatory &amp;name:</source>
        <translation>&amp;Nama penanda tangan:</translation>
    </message>
    <message>
        <source>Signatory &amp;title:</source>
        <translation>&amp;Jabatan penanda tangan:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
    <message>
        <source>Browse for the {what}</source>
        <translation>Telusuri {what}</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>belum diisi</translation>
    </message>
    <message>
        <source>Date printed on the documents</source>
        <translation>Tanggal yang dicetak pada dokumen</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>Tangg&amp;al:</translation>
    </message>
    <message>
        <source>e.g. 418 Tahun 2023</source>
        <translation>mis. 418 Tahun 2023</translation>
    </message>
    <message>
        <source>Show the &amp;rank on the piagam</source>
        <translation>Tampilkan pe&amp;ringkat pada piagam</translation>
    </message>
    <message>
        <source>Running order: minutes per item</source>
        <translation>Susunan acara: menit per mata acara</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Pembukaan</translation>
    </message>
    <message>
        <source>National anthem</source>
        <translation>Lagu kebangsaan</translation>
    </message>
    <message>
        <source>Organiser&apos;s report</source>
        <translation>Laporan penyelenggara</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Sambutan</translation>
    </message>
    <message>
        <source>Each recipient</source>
        <translation>Setiap penerima</translation>
    </message>
    <message>
        <source>Group photo per kind</source>
        <translation>Foto bersama per jenis</translation>
    </message>
    <message>
        <source>Prayer</source>
        <translation>Doa</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Penutup</translation>
    </message>
    <message>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>These values apply to every period that does not set its own.</source>
        <translation>Nilai ini berlaku untuk setiap periode yang tidak mengisi sendiri.</translation>
    </message>
    <message>
        <source>Values for {year} only; an empty field follows the default shown in grey.</source>
        <translation>Nilai khusus {year}; isian kosong mengikuti nilai bawaan yang tampak abu-abu.</translation>
    </message>
    <message>
        <source>Partly checked: as the default ({value})</source>
        <translation>Tercentang sebagian: mengikuti bawaan ({value})</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>off</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Gambar</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>No document to preview yet</source>
        <translation>Belum ada dokumen untuk dipratinjau</translation>
    </message>
    <message>
        <source>Previous p&amp;age</source>
        <translation>Halaman &amp;sebelumnya</translation>
    </message>
    <message>
        <source>Ne&amp;xt page</source>
        <translation>Hala&amp;man berikutnya</translation>
    </message>
    <message>
        <source>Prin&amp;t…</source>
        <translation>&amp;Cetak…</translation>
    </message>
    <message>
        <source>Page preview</source>
        <translation>Pratinjau halaman</translation>
    </message>
    <message>
        <source>Document preview</source>
        <translation>Pratinjau dokumen</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Halaman {page} dari {count}</translation>
    </message>
    <message>
        <source>Print {name}</source>
        <translation>Cetak {name}</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Printer tidak dapat dimulai.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Institution</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Peninjauan</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Piagam</translation>
    </message>
    <message>
        <source>In conflict ({n})</source>
        <translation>Ada konflik ({n})</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Belum lengkap</translation>
    </message>
    <message>
        <source>Approved by {who}, {when}</source>
        <translation>Disetujui {who}, {when}</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Siap ditinjau</translation>
    </message>
    <message>
        <source>Certificate {serial} no longer matches: {why}</source>
        <translation>Piagam {serial} tidak lagi sesuai: {why}</translation>
    </message>
    <message>
        <source> (and {n} more)</source>
        <translation> (dan {n} lainnya)</translation>
    </message>
    <message>
        <source>Held back: {n} open conflict(s)</source>
        <translation>Tertahan: {n} konflik jawaban</translation>
    </message>
    <message>
        <source>No score yet: {answered} of {total} answers</source>
        <translation>Belum bernilai: {answered} dari {total} jawaban</translation>
    </message>
    <message>
        <source>Withheld: {reason}</source>
        <translation>Ditangguhkan: {reason}</translation>
    </message>
    <message>
        <source>Held back: approval undone, the answers changed since</source>
        <translation>Tertahan: persetujuan gugur, jawaban berubah sesudahnya</translation>
    </message>
    <message>
        <source>Held back: not approved yet</source>
        <translation>Tertahan: belum disetujui</translation>
    </message>
    <message>
        <source>May be certified</source>
        <translation>Dapat diberi piagam</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Alasan: {reason}</translation>
    </message>
    <message>
        <source>Approval undone: {reason}</source>
        <translation>Persetujuan gugur: {reason}</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Re&amp;quire approval: certify only approved institutions in this period</source>
        <translation>&amp;Wajibkan persetujuan: hanya instansi yang disetujui yang diberi piagam dalam periode ini</translation>
    </message>
    <message>
        <source>Review summary</source>
        <translation>Ringkasan peninjauan</translation>
    </message>
    <message>
        <source>Review state of each institution</source>
        <translation>Status peninjauan setiap instansi</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Setujui…</translation>
    </message>
    <message>
        <source>Reope&amp;n…</source>
        <translation>Ke&amp;mbalikan ke tinjauan…</translation>
    </message>
    <message>
        <source>Revoke ou&amp;tdated certificates…</source>
        <translation>&amp;Cabut piagam yang hasilnya berubah…</translation>
    </message>
    <message>
        <source>Certificates issued earlier whose result has changed since still verify until they are revoked.</source>
        <translation>Piagam yang terbit sebelumnya dan hasilnya kemudian berubah tetap dinyatakan asli sampai dicabut.</translation>
    </message>
    <message>
        <source>Checking the review state…</source>
        <translation>Memeriksa status peninjauan…</translation>
    </message>
    <message>
        <source>{approved} approved · {ready} ready · {conflicts} in conflict · {incomplete} incomplete. {held} held back from certificates.</source>
        <translation>{approved} disetujui · {ready} siap ditinjau · {conflicts} ada perbedaan jawaban · {incomplete} belum lengkap. {held} tertahan dari piagam.</translation>
    </message>
    <message>
        <source>{n} certificate(s) issued earlier no longer match their result and still verify.</source>
        <translation>{n} piagam yang terbit sebelumnya tidak lagi sesuai dengan hasilnya, tetapi masih dinyatakan asli.</translation>
    </message>
    <message>
        <source>Review before award</source>
        <translation>Peninjauan sebelum penghargaan</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… dan {n} lainnya</translation>
    </message>
    <message>
        <source>Certificates whose result changed</source>
        <translation>Piagam yang hasilnya berubah</translation>
    </message>
    <message>
        <source>{n} certificate(s) issued earlier no longer match their result and still verify:</source>
        <translation>{n} piagam yang terbit sebelumnya tidak lagi sesuai dengan hasilnya, tetapi masih dinyatakan asli:</translation>
    </message>
    <message>
        <source>Revoke them now? Anyone who checks one will then be told it was revoked and why (&quot;hasil berubah: …&quot;). This cannot be undone; a new certificate can be printed once the result allows.</source>
        <translation>Cabut sekarang? Siapa pun yang memeriksanya akan diberi tahu bahwa piagam itu dicabut beserta alasannya (&quot;hasil berubah: …&quot;). Pencabutan tidak dapat dibatalkan; piagam baru dapat dicetak bila hasilnya memenuhi syarat.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Cabut</translation>
    </message>
    <message>
        <source>Keep them for now</source>
        <translation>Biarkan dulu</translation>
    </message>
    <message>
        <source>Revoking certificates</source>
        <translation>Mencabut piagam</translation>
    </message>
    <message>
        <source>{n} certificate(s) revoked.</source>
        <translation>{n} piagam dicabut.</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a certificate</source>
        <translation>Periksa keaslian piagam</translation>
    </message>
    <message>
        <source>Choose a certificate PDF, or paste the text your phone&apos;s QR scanner shows for the code on a printed certificate. The check works offline.</source>
        <translation>Pilih berkas PDF piagam, atau tempelkan teks yang ditampilkan pemindai QR ponsel untuk kode pada piagam cetak. Pemeriksaan berjalan tanpa jaringan.</translation>
    </message>
    <message>
        <source>Check a &amp;PDF file…</source>
        <translation>Periksa berkas &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;QR code text:</source>
        <translation>Teks kode &amp;QR:</translation>
    </message>
    <message>
        <source>&amp;Check the text</source>
        <translation>Peri&amp;ksa teks</translation>
    </message>
    <message>
        <source>Result of the check</source>
        <translation>Hasil pemeriksaan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Certificate PDF</source>
        <translation>PDF piagam</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Paste the text of the QR code first.</source>
        <translation>Tempelkan teks kode QR terlebih dahulu.</translation>
    </message>
    <message>
        <source>Genuine: certificate {serial} for {who}, {year}, score {score}, band {band}. Signed by {signer}.</source>
        <translation>Asli: piagam {serial} untuk {who}, {year}, nilai {score}, kategori {band}. Ditandatangani oleh {signer}.</translation>
    </message>
    <message>
        <source>NOT valid: {reason}</source>
        <translation>TIDAK sah: {reason}</translation>
    </message>
    <message>
        <source>this is not a complete Kepatuhan certificate code.</source>
        <translation>ini bukan kode piagam Kepatuhan yang lengkap.</translation>
    </message>
    <message>
        <source>the signer (key {key}) is not trusted by this installation.</source>
        <translation>penanda tangan (kunci {key}) tidak dipercaya oleh instalasi ini.</translation>
    </message>
    <message>
        <source>the signer&apos;s key {key} has been revoked.</source>
        <translation>kunci penanda tangan {key} telah dicabut.</translation>
    </message>
    <message>
        <source>the signature does not match: the certificate&apos;s data was altered or the code is damaged.</source>
        <translation>tanda tangan tidak cocok: data piagam telah diubah atau kodenya rusak.</translation>
    </message>
    <message>
        <source>certificate {serial} has been revoked: {reason}</source>
        <translation>piagam {serial} telah dicabut: {reason}</translation>
    </message>
    <message>
        <source>certificate {serial} was replaced by a newer certificate, {new}; only that one is valid.</source>
        <translation>piagam {serial} sudah diganti oleh piagam yang lebih baru, {new}; hanya piagam itu yang sah.</translation>
    </message>
    <message>
        <source>it is signed by {signer}, an inspector&apos;s key; only a coordinator&apos;s key issues certificates.</source>
        <translation>piagam ini ditandatangani {signer}, kunci seorang pemeriksa; hanya kunci koordinator yang dapat menerbitkan piagam.</translation>
    </message>
    <message>
        <source>the page does not say what its code says (serial, score, category or recipient differ): the document was altered or carries another certificate&apos;s code.</source>
        <translation>halaman tidak sesuai dengan kodenya (nomor seri, nilai, kategori, atau penerima berbeda): dokumen telah diubah atau memuat kode piagam lain.</translation>
    </message>
</context>
</TS>
