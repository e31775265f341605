<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>InstrumentsView</name>
    <message>
        <source>Instruments</source>
        <translation>Instrumen</translation>
    </message>
    <message>
        <source>&amp;Import spreadsheet…</source>
        <translation>&amp;Impor lembar kerja…</translation>
    </message>
    <message>
        <source>Check a workbook (or a YAML/JSON file) cell by cell and install it as a new version</source>
        <translation>Periksa lembar kerja (atau berkas YAML/JSON) sel demi sel dan pasang sebagai versi baru</translation>
    </message>
    <message>
        <source>E&amp;xport spreadsheet…</source>
        <translation>E&amp;kspor lembar kerja…</translation>
    </message>
    <message>
        <source>Save the selected version as a workbook to correct it in a spreadsheet</source>
        <translation>Simpan versi terpilih sebagai buku kerja untuk dikoreksi di spreadsheet</translation>
    </message>
    <message>
        <source>S&amp;witch period…</source>
        <translation>&amp;Ganti versi periode…</translation>
    </message>
    <message>
        <source>Move a period to another version after seeing which institutions change</source>
        <translation>Pindahkan periode ke versi lain setelah melihat instansi mana yang berubah</translation>
    </message>
    <message>
        <source>&amp;Versions</source>
        <translation>&amp;Versi</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrumen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versi</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metode</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <source>Used by periods</source>
        <translation>Dipakai periode</translation>
    </message>
    <message>
        <source>Instruments and versions</source>
        <translation>Instrumen dan versi</translation>
    </message>
    <message>
        <source>Version details</source>
        <translation>Rincian versi</translation>
    </message>
    <message>
        <source>&amp;Structure</source>
        <translation>&amp;Struktur</translation>
    </message>
    <message>
        <source>Dimension / variable / indicator</source>
        <translation>Dimensi / variabel / indikator</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Bobot</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Porsi</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Dasar</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Maks</translation>
    </message>
    <message>
        <source>Structure of the version</source>
        <translation>Struktur versi</translation>
    </message>
    <message>
        <source>Checklist card, as inspectors see it (try it: nothing is saved)</source>
        <translation>Kartu daftar periksa, seperti yang dilihat pemeriksa (silakan dicoba: tidak ada yang disimpan)</translation>
    </message>
    <message>
        <source>Checklist card preview</source>
        <translation>Pratinjau kartu daftar periksa</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Pesan</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>sementara</translation>
    </message>
    <message>
        <source>No instrument selected.</source>
        <translation>Belum ada instrumen yang dipilih.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>{key} · method {method} · {count} indicators · periods using it: {periods}</source>
        <translation>{key} · metode {method} · {count} indikator · dipakai periode: {periods}</translation>
    </message>
    <message>
        <source>Bands: {bands}</source>
        <translation>Kategori: {bands}</translation>
    </message>
    <message>
        <source>Provisional: its sources are too thin to trust the numbers.</source>
        <translation>Sementara: sumbernya belum cukup untuk memercayai angkanya.</translation>
    </message>
    <message>
        <source>Dimension {id}: weight {weight} of {total}</source>
        <translation>Dimensi {id}: bobot {weight} dari {total}</translation>
    </message>
    <message>
        <source>Weight source: {source}</source>
        <translation>Sumber bobot: {source}</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Sumber: {source}</translation>
    </message>
    <message>
        <source>green</source>
        <translation>hijau</translation>
    </message>
    <message>
        <source>yellow</source>
        <translation>kuning</translation>
    </message>
    <message>
        <source>red</source>
        <translation>merah</translation>
    </message>
    <message>
        <source>sourced</source>
        <translation>bersumber</translation>
    </message>
    <message>
        <source>assumed</source>
        <translation>asumsi</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>unit</translation>
    </message>
    <message>
        <source>per product</source>
        <translation>per produk</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>pilihan</translation>
    </message>
    <message>
        <source>survey</source>
        <translation>survei</translation>
    </message>
    <message>
        <source>number</source>
        <translation>angka</translation>
    </message>
    <message>
        <source>Import an instrument</source>
        <translation>Impor instrumen</translation>
    </message>
    <message>
        <source>Instrument files (*.xlsx *.yaml *.yml *.json)</source>
        <translation>Berkas instrumen (*.xlsx *.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Memeriksa {file}…</translation>
    </message>
    <message>
        <source>{file}: not installed, {count} problem(s).</source>
        <translation>{file}: tidak dipasang, {count} masalah.</translation>
    </message>
    <message>
        <source>Installed {key} from {file}. Periods keep their own version until you switch them.</source>
        <translation>{key} dipasang dari {file}. Setiap periode tetap memakai versinya sendiri sampai Anda memindahkannya.</translation>
    </message>
    <message>
        <source>{key} is already installed with the same content.</source>
        <translation>{key} sudah terpasang dengan isi yang sama.</translation>
    </message>
    <message>
        <source>Export the instrument as a spreadsheet</source>
        <translation>Ekspor instrumen sebagai lembar kerja</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>{file} could not be written: {reason}</source>
        <translation>{file} tidak dapat ditulis: {reason}</translation>
    </message>
    <message>
        <source>Saved {key} as {file}. Raise the version before you change anything in it.</source>
        <translation>{key} disimpan sebagai {file}. Naikkan versinya sebelum Anda mengubah isinya.</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Menulis {file}…</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Instrument not installed</source>
        <translation>Instrumen tidak dipasang</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt;: {count} problem(s). Nothing was installed. Correct them in the file and import it again.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt;: {count} masalah. Tidak ada yang dipasang. Perbaiki di berkasnya lalu impor lagi.</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Lembar</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Sel</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Isian</translation>
    </message>
    <message>
        <source>(whole file)</source>
        <translation>(seluruh berkas)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>&amp;Copy the list</source>
        <translation>&amp;Salin daftar</translation>
    </message>
    <message>
        <source>Copy the list of problems</source>
        <translation>Salin daftar masalah</translation>
    </message>
</context>
<context>
    <name>SwitchDialog</name>
    <message>
        <source>Switch a period to another version</source>
        <extracomment>asks the user to confirm; tests replace it</extracomment>
        <translation>Pindahkan periode ke versi lain</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Version to move to</source>
        <translation>Versi tujuan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>e.g. corrected weights announced in the letter of 3 May</source>
        <translation>mis. koreksi bobot sesuai surat tanggal 3 Mei</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>Uses now:</source>
        <translation>Sekarang memakai:</translation>
    </message>
    <message>
        <source>&amp;Move to:</source>
        <translation>&amp;Ke versi:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <source>Institutions that change</source>
        <translation>Instansi yang berubah</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>&amp;Switch</source>
        <translation>Pin&amp;dahkan</translation>
    </message>
    <message>
        <source>Switch the period</source>
        <translation>Pindahkan periode</translation>
    </message>
    <message>
        <source>No other version covers this period.</source>
        <translation>Tidak ada versi lain untuk periode ini.</translation>
    </message>
    <message>
        <source>There is no period yet.</source>
        <translation>Belum ada periode.</translation>
    </message>
    <message>
        <source>Scoring period {year} with {key}…</source>
        <translation>Menilai periode {year} dengan {key}…</translation>
    </message>
    <message>
        <source>{changed} of {total} institution(s) change score, band, zone or rank.</source>
        <translation>{changed} dari {total} instansi berubah nilai, kategori, zona atau peringkatnya.</translation>
    </message>
    <message>
        <source>Answers to indicators that {key} no longer has are kept, not scored: {list}.</source>
        <translation>Jawaban untuk indikator yang tidak ada lagi di {key} tetap disimpan, tidak dinilai: {list}.</translation>
    </message>
    <message>
        <source>New indicators, unanswered: {list}.</source>
        <translation>Indikator baru, belum dijawab: {list}.</translation>
    </message>
    <message>
        <source>Certificates already issued for a changing institution: {list}. Reissue them after the switch.</source>
        <translation>Sertifikat yang sudah terbit untuk instansi yang berubah: {list}. Terbitkan ulang setelah pemindahan.</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>belum ada nilai</translation>
    </message>
    <message>
        <source>green</source>
        <translation>hijau</translation>
    </message>
    <message>
        <source>yellow</source>
        <translation>kuning</translation>
    </message>
    <message>
        <source>red</source>
        <translation>merah</translation>
    </message>
    <message>
        <source>Move period {year} from {before} to {after}? {changed} institution(s) change score, band, zone or rank. Answers are kept; the switch is recorded in the audit log with your reason.</source>
        <translation>Pindahkan periode {year} dari {before} ke {after}? {changed} instansi berubah nilai, kategori, zona atau peringkatnya. Jawaban tetap disimpan; pemindahan dicatat di log audit beserta alasan Anda.</translation>
    </message>
    <message>
        <source>Switching period {year}…</source>
        <translation>Memindahkan periode {year}…</translation>
    </message>
    <message>
        <source>Period {year} now uses {key}; {changed} institution(s) changed.</source>
        <translation>Periode {year} sekarang memakai {key}; {changed} instansi berubah.</translation>
    </message>
</context>
</TS>
