<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>CoordinatorPage</name>
    <message>
        <source>Period {year}</source>
        <extracomment>zones in display order; &quot;&quot; stands for &quot;no score yet&quot; the review state of each institution of :attr:`scores` (storage.review), computed with them</extracomment>
        <translation>Periode {year}</translation>
    </message>
    <message>
        <source>No assessment period yet</source>
        <translation>Belum ada periode penilaian</translation>
    </message>
    <message>
        <source>Computing scores…</source>
        <translation>Menghitung nilai…</translation>
    </message>
    <message>
        <source>Scores could not be computed: {message}</source>
        <translation>Nilai tidak dapat dihitung: {message}</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>&amp;Lowest-scoring indicators (mean value as a share of the maximum, over every answered unit and product)</source>
        <translation>&amp;Indikator dengan nilai terendah (rata-rata nilai terhadap nilai maksimum, dari semua unit dan produk yang dijawab)</translation>
    </message>
    <message>
        <source>Lowest-scoring indicators</source>
        <translation>Indikator dengan nilai terendah</translation>
    </message>
    <message>
        <source>Zone distribution by kind</source>
        <translation>Sebaran zona per jenis instansi</translation>
    </message>
    <message>
        <source>Completeness per province</source>
        <translation>Kelengkapan per provinsi</translation>
    </message>
    <message>
        <source>No assessment period yet: import a plan to start.</source>
        <translation>Belum ada periode penilaian: impor rencana untuk memulai.</translation>
    </message>
    <message>
        <source>{kind}: {n}</source>
        <translation>{kind}: {n}</translation>
    </message>
    <message>
        <source>Open conflicts by kind: {list}. Resolve them in the Exchange view or in the checklist.</source>
        <translation>Konflik terbuka per jenis: {list}. Selesaikan di tampilan Pertukaran atau di daftar periksa.</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>Tidak ada konflik terbuka.</translation>
    </message>
    <message>
        <source>Open conflicts by kind</source>
        <translation>Konflik terbuka per jenis</translation>
    </message>
    <message>
        <source>Zones by kind of institution</source>
        <translation>Zona per jenis instansi</translation>
    </message>
    <message>
        <source>No score yet</source>
        <translation>Belum ada nilai</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Required indicators answered, per province</source>
        <translation>Indikator wajib yang sudah dijawab, per provinsi</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Dijawab</translation>
    </message>
    <message>
        <source>National</source>
        <translation>Pusat</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import plan</source>
        <translation>Impor rencana</translation>
    </message>
    <message>
        <source>A plan lists the institutions, units and products to assess in a year, one row per product: institution, institution_name, kind, province, unit, unit_name, product, product_name. Importing adds and renames; it never removes. A file with any error is refused as a whole.</source>
        <translation>Rencana memuat instansi, unit, dan produk yang dinilai dalam satu tahun, satu baris per produk: institution, institution_name, kind, province, unit, unit_name, product, product_name. Impor menambah dan mengganti nama; tidak pernah menghapus. Berkas yang mengandung kesalahan apa pun ditolak seluruhnya.</translation>
    </message>
    <message>
        <source>&amp;Import plan</source>
        <translation>&amp;Impor rencana</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Formulir:</translation>
    </message>
    <message>
        <source>Import answers</source>
        <translation>Impor jawaban</translation>
    </message>
    <message>
        <source>Answers come one per row: institution, unit, product, indicator, value and an optional note. A file with any error is refused as a whole and nothing is changed.</source>
        <translation>Satu jawaban per baris: institution, unit, product, indicator, value, dan catatan (note) bila ada. Berkas yang mengandung kesalahan apa pun ditolak seluruhnya dan tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>&amp;Import answers</source>
        <translation>&amp;Impor jawaban</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Berkas:</translation>
    </message>
    <message>
        <source>a .csv or .xlsx file</source>
        <translation>berkas .csv atau .xlsx</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Pilih…</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Pilih berkas yang akan diimpor</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Tahun:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Errors that refused the import</source>
        <translation>Kesalahan yang membuat impor ditolak</translation>
    </message>
    <message>
        <source>Automatic: the form for the year</source>
        <translation>Otomatis: formulir untuk tahun tersebut</translation>
    </message>
    <message>
        <source>There is no assessment period yet: import a plan first.</source>
        <translation>Belum ada periode penilaian: impor rencana terlebih dahulu.</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx);;All files (*)</source>
        <translation>Tabel (*.csv *.xlsx);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Reading and checking {name}…</source>
        <translation>Membaca dan memeriksa {name}…</translation>
    </message>
    <message>
        <source>Writing to the database…</source>
        <translation>Menyimpan ke basis data…</translation>
    </message>
    <message>
        <source>Importing plan</source>
        <translation>Mengimpor rencana</translation>
    </message>
    <message>
        <source>Importing answers</source>
        <translation>Mengimpor jawaban</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was changed.</source>
        <translation>Impor dibatalkan. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <source>Imported {name} for {year}.</source>
        <translation>{name} berhasil diimpor untuk tahun {year}.</translation>
    </message>
    <message>
        <source>{what}: {new} new, {updated} updated, {unchanged} unchanged</source>
        <translation>{what}: {new} baru, {updated} diperbarui, {unchanged} tidak berubah</translation>
    </message>
    <message>
        <source>Form: {key}</source>
        <translation>Formulir: {key}</translation>
    </message>
    <message>
        <source>Nothing new: the database already held all of it.</source>
        <translation>Tidak ada yang baru: semuanya sudah ada di basis data.</translation>
    </message>
    <message>
        <source>The file was refused and nothing was changed. Correct the row below and import the file again:</source>
        <translation>Berkas ditolak dan tidak ada yang diubah. Perbaiki baris di bawah ini lalu impor berkas itu lagi:</translation>
    </message>
</context>
<context>
    <name>IndicatorMeansModel</name>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pertanyaan</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimensi</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Rata-rata</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Jawaban</translation>
    </message>
</context>
<context>
    <name>InstitutionsModel</name>
    <message>
        <source>Incomplete</source>
        <extracomment>review states in the order the column sorts them (what needs attention first)</extracomment>
        <translation>Belum lengkap</translation>
    </message>
    <message>
        <source>In conflict</source>
        <translation>Ada konflik</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Siap ditinjau</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <source>Approved by {who}, {when}</source>
        <translation>Disetujui {who}, {when}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Alasan: {reason}</translation>
    </message>
    <message>
        <source>{n} open conflict(s): held back from certificates until resolved</source>
        <translation>{n} konflik terbuka: ditahan dari piagam sampai diselesaikan</translation>
    </message>
    <message>
        <source>Not every required answer is in yet</source>
        <translation>Belum semua jawaban wajib masuk</translation>
    </message>
    <message>
        <source>Approval undone: the answers changed after it was approved</source>
        <translation>Persetujuan gugur: jawaban berubah sesudah disetujui</translation>
    </message>
    <message>
        <source>Complete and uncontested; not approved</source>
        <translation>Lengkap dan tanpa konflik; belum disetujui</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
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
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Units complete</source>
        <translation>Unit lengkap</translation>
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
        <source>Conflicts</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Peninjauan</translation>
    </message>
    <message>
        <source>Units with every required indicator answered, and the share of required indicators answered</source>
        <translation>Unit yang semua indikator wajibnya sudah dijawab, dan persentase indikator wajib yang sudah dijawab</translation>
    </message>
    <message>
        <source>Institution score (mean of its units), once every unit is complete</source>
        <translation>Nilai instansi (rata-rata unitnya), setelah semua unit lengkap</translation>
    </message>
    <message>
        <source>Rank within its kind over the whole period; equal scores share a rank. * = provisional: institutions of the same kind are still unscored</source>
        <translation>Peringkat dalam jenisnya untuk seluruh periode; nilai sama berbagi peringkat. * = sementara: masih ada instansi sejenis yang belum dinilai</translation>
    </message>
    <message>
        <source>Answers given differently by two inspectors, not yet resolved</source>
        <translation>Jawaban yang diberikan berbeda oleh dua pemeriksa, belum diselesaikan</translation>
    </message>
    <message>
        <source>Review before award: incomplete, in conflict, ready or approved</source>
        <translation>Peninjauan sebelum penghargaan: belum lengkap, ada konflik, siap, atau disetujui</translation>
    </message>
    <message>
        <source>Provisional rank: {n} of {m} {kind} scored so far</source>
        <translation>Peringkat sementara: baru {n} dari {m} {kind} yang dinilai</translation>
    </message>
    <message>
        <source>{n} conflict(s) not yet resolved</source>
        <translation>{n} konflik belum diselesaikan</translation>
    </message>
    <message>
        <source>{answered} of {total} required indicators answered</source>
        <translation>{answered} dari {total} indikator wajib sudah dijawab</translation>
    </message>
</context>
<context>
    <name>InstitutionsView</name>
    <message>
        <source>Institutions</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Import the assessment plan (institutions, units, products) from a CSV or XLSX file</source>
        <translation>Impor rencana penilaian (instansi, unit, produk) dari berkas CSV atau XLSX</translation>
    </message>
    <message>
        <source>Import &amp;answers…</source>
        <translation>Impor &amp;jawaban…</translation>
    </message>
    <message>
        <source>Import answers from a CSV or XLSX file</source>
        <translation>Impor jawaban dari berkas CSV atau XLSX</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Cari:</translation>
    </message>
    <message>
        <source>code, name or province</source>
        <translation>kode, nama, atau provinsi</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>J&amp;enis:</translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation>&amp;Zona:</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Kemajuan</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Konflik terbuka</translation>
    </message>
    <message>
        <source>Search institutions</source>
        <translation>Cari instansi</translation>
    </message>
    <message>
        <source>Institutions of the period</source>
        <translation>Instansi dalam periode ini</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <source>Computing scores…</source>
        <translation>Menghitung nilai…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Import p&amp;lan…</source>
        <translation>Impor &amp;rencana…</translation>
    </message>
    <message>
        <source>P&amp;rovince:</source>
        <translation>Pro&amp;vinsi:</translation>
    </message>
    <message>
        <source>Pro&amp;gress:</source>
        <translation>&amp;Kemajuan:</translation>
    </message>
    <message>
        <source>&amp;Conflicts:</source>
        <translation>K&amp;onflik:</translation>
    </message>
    <message>
        <source>Re&amp;view:</source>
        <translation>Pen&amp;injauan:</translation>
    </message>
    <message>
        <source>Appr&amp;ove…</source>
        <translation>&amp;Setujui…</translation>
    </message>
    <message>
        <source>Approve the selected institution&apos;s results for award as they are now</source>
        <translation>Setujui hasil instansi yang dipilih untuk penghargaan sebagaimana adanya sekarang</translation>
    </message>
    <message>
        <source>Reope&amp;n…</source>
        <translation>Ke&amp;mbalikan ke tinjauan…</translation>
    </message>
    <message>
        <source>Take back the approval of the selected institution (with a reason)</source>
        <translation>Tarik kembali persetujuan instansi yang dipilih (dengan alasan)</translation>
    </message>
    <message>
        <source>Review state</source>
        <translation>Status peninjauan</translation>
    </message>
    <message>
        <source>No score yet</source>
        <translation>Belum ada nilai</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Lengkap</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Belum lengkap</translation>
    </message>
    <message>
        <source>With open conflicts</source>
        <translation>Ada konflik terbuka</translation>
    </message>
    <message>
        <source>Without conflicts</source>
        <translation>Tanpa konflik</translation>
    </message>
    <message>
        <source>In conflict</source>
        <translation>Ada konflik</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Siap ditinjau</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <source>(national, no province)</source>
        <translation>(pusat, tanpa provinsi)</translation>
    </message>
    <message>
        <source>No assessment period yet: import a plan to start.</source>
        <translation>Belum ada periode penilaian: impor rencana untuk memulai.</translation>
    </message>
    <message>
        <source>{n} institutions, {complete} complete</source>
        <translation>{n} instansi, {complete} lengkap</translation>
    </message>
    <message>
        <source>{shown} of {n} institutions shown, {complete} complete</source>
        <translation>{shown} dari {n} instansi ditampilkan, {complete} lengkap</translation>
    </message>
    <message>
        <source>⚠ {n} institution(s) with open conflicts ({c} answers)</source>
        <translation>⚠ {n} instansi dengan konflik terbuka ({c} jawaban)</translation>
    </message>
    <message>
        <source>* provisional rank: not every institution of its kind has a score yet</source>
        <translation>* peringkat sementara: belum semua instansi sejenis memiliki nilai</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
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
        <source>{rank} of {of} {kind}</source>
        <translation>{rank} dari {of} {kind}</translation>
    </message>
</context>
<context>
    <name>RankingView</name>
    <message>
        <source>Ranking</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <source>Ranking within the kind</source>
        <translation>Peringkat di antara instansi sejenis</translation>
    </message>
    <message>
        <source>Kind of institution</source>
        <translation>Jenis instansi</translation>
    </message>
    <message>
        <source>{ranked} ranked, {unranked} without a score yet (not ranked)</source>
        <translation>{ranked} diperingkat, {unranked} belum ada nilai (tidak diperingkat)</translation>
    </message>
    <message>
        <source>Provisional ranking: {n} of {m} {kind} scored so far; ranks can still change as the others are completed.</source>
        <translation>Peringkat sementara: baru {n} dari {m} {kind} yang dinilai; peringkat masih dapat berubah setelah yang lain lengkap.</translation>
    </message>
</context>
</TS>
