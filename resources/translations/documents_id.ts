<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID">
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
        <source>Every zone</source>
        <translation>Semua zona</translation>
    </message>
    <message>
        <source>e.g. dukcapil (empty: whole institutions)</source>
        <translation>mis. dukcapil (kosong: seluruh instansi)</translation>
    </message>
    <message>
        <source>&amp;Withhold certificate…</source>
        <translation>&amp;Tangguhkan piagam…</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>&amp;Instansi:</translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation>&amp;Zona:</translation>
    </message>
    <message>
        <source>&amp;Unit code:</source>
        <translation>Kode &amp;unit:</translation>
    </message>
    <message>
        <source>I&amp;nstitution:</source>
        <translation>I&amp;nstansi:</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Buku kerja Excel (XLSX)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>semua</translation>
    </message>
    <message>
        <source>&amp;Top of each kind:</source>
        <translation>&amp;Teratas per jenis:</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Folder hasil</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Telusuri…</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Pilih folder hasil</translation>
    </message>
    <message>
        <source>&amp;Produce</source>
        <translation>&amp;Buat</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>&amp;Open output folder</source>
        <translation>B&amp;uka folder hasil</translation>
    </message>
    <message>
        <source>&amp;Verify a certificate…</source>
        <translation>&amp;Periksa keaslian piagam…</translation>
    </message>
    <message>
        <source>Signatory and &amp;issue details…</source>
        <translation>Penanda tangan dan &amp;data terbit…</translation>
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
        <source>Output &amp;folder:</source>
        <translation>&amp;Folder hasil:</translation>
    </message>
    <message>
        <source>Files &amp;produced:</source>
        <translation>Berkas yang di&amp;buat:</translation>
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
        <source>&amp;Release withheld certificate</source>
        <translation>&amp;Lepaskan penangguhan piagam</translation>
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
        <source>&amp;Issuing body:</source>
        <translation>&amp;Lembaga penerbit:</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>&amp;Tempat:</translation>
    </message>
    <message>
        <source>&amp;Date (YYYY-MM-DD, empty: from the data):</source>
        <translation>Tangga&amp;l (TTTT-BB-HH, kosong: dari data):</translation>
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
        <source>Si&amp;gnature image (PNG/JPG, optional):</source>
        <translation>Gambar tanda tan&amp;gan (PNG/JPG, opsional):</translation>
    </message>
    <message>
        <source>L&amp;ogo (PNG/JPG, empty: the app's emblem):</source>
        <translation>L&amp;ogo (PNG/JPG, kosong: lambang aplikasi):</translation>
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
        <source>&amp;Previous page</source>
        <translation>Halaman &amp;sebelumnya</translation>
    </message>
    <message>
        <source>Ne&amp;xt page</source>
        <translation>Halaman beri&amp;kutnya</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
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
    <name>VerifyDialog</name>
    <message>
        <source>Verify a certificate</source>
        <translation>Periksa keaslian piagam</translation>
    </message>
    <message>
        <source>Choose a certificate PDF, or paste the text your phone's QR scanner shows for the code on a printed certificate. The check works offline.</source>
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
        <source>the signer's key {key} has been revoked.</source>
        <translation>kunci penanda tangan {key} telah dicabut.</translation>
    </message>
    <message>
        <source>the signature does not match: the certificate's data was altered or the code is damaged.</source>
        <translation>tanda tangan tidak cocok: data piagam telah diubah atau kodenya rusak.</translation>
    </message>
    <message>
        <source>certificate {serial} has been revoked: {reason}</source>
        <translation>piagam {serial} telah dicabut: {reason}</translation>
    </message>
</context>
</TS>