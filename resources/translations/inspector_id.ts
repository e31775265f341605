<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>ChecklistPage</name>
    <message>
        <source>Choose a unit in the list on the left</source>
        <translation>Pilih unit pada daftar di sebelah kiri</translation>
    </message>
    <message>
        <source>State of the unit</source>
        <translation>Keadaan unit</translation>
    </message>
    <message>
        <source>Finalise unit…</source>
        <translation>Finalkan unit…</translation>
    </message>
    <message>
        <source>Lock the unit&apos;s answers (needs every required answer and no open conflict). Shortcut: {keys}</source>
        <translation>Kunci jawaban unit (semua jawaban wajib terisi dan tidak ada konflik terbuka). Pintasan: {keys}</translation>
    </message>
    <message>
        <source>Keys: 0-9 answer and move on · N = N/A · Del clears · ↑↓ move · Enter = next unanswered · Ctrl+Z undo · {keys} finalise</source>
        <translation>Tombol: 0-9 menjawab dan lanjut · N = N/A · Del menghapus · ↑↓ pindah · Enter = berikutnya yang belum dijawab · Ctrl+Z urungkan · {keys} finalkan</translation>
    </message>
    <message>
        <source>No assessment period yet: receive a plan package or import a plan</source>
        <translation>Belum ada periode penilaian: terima paket rencana atau impor rencana</translation>
    </message>
    <message>
        <source>Undone: the photo is back on indicator {n}</source>
        <translation>Diurungkan: foto kembali pada indikator {n}</translation>
    </message>
    <message>
        <source>✔ Finalised {when}: the answers are read-only (Reopen… to change them)</source>
        <translation>✔ Difinalkan {when}: jawaban hanya dapat dibaca (Buka kembali… untuk mengubahnya)</translation>
    </message>
    <message>
        <source>⚠ {n} conflict(s) not yet resolved</source>
        <translation>⚠ {n} konflik belum diselesaikan</translation>
    </message>
    <message>
        <source>⚠ {n} conflict(s) not yet resolved: the unit cannot be finalised until they are resolved</source>
        <translation>⚠ {n} konflik belum diselesaikan: unit belum dapat difinalkan sebelum konfliknya diselesaikan</translation>
    </message>
    <message>
        <source>Open: answers are saved as you go · {n} required answer(s) missing</source>
        <translation>Terbuka: jawaban tersimpan otomatis · {n} jawaban wajib belum diisi</translation>
    </message>
    <message>
        <source>Every required answer is given: the unit can be finalised ({keys})</source>
        <translation>Semua jawaban wajib terisi: unit dapat difinalkan ({keys})</translation>
    </message>
    <message>
        <source>Every required indicator of this unit is answered. You can finalise it ({keys}).</source>
        <translation>Semua indikator wajib unit ini sudah dijawab. Unit dapat difinalkan ({keys}).</translation>
    </message>
    <message>
        <source>Every required indicator is answered, but {n} conflict(s) are not yet resolved (marked ⚠).</source>
        <translation>Semua indikator wajib sudah dijawab, tetapi {n} konflik belum diselesaikan (bertanda ⚠).</translation>
    </message>
    <message>
        <source>This unit is finalised.</source>
        <translation>Unit ini sudah difinalkan.</translation>
    </message>
    <message>
        <source>Finalise unit</source>
        <translation>Finalkan unit</translation>
    </message>
    <message>
        <source>Finalise {unit}? Its answers become read-only; changing them later needs a reopen with a reason.</source>
        <translation>Finalkan {unit}? Jawabannya menjadi hanya dapat dibaca; untuk mengubahnya nanti unit harus dibuka kembali dengan alasan.</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>Finalkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Buka kembali…</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Menyimpan</translation>
    </message>
    <message>
        <source>Allow changes to a finalised unit (asks for a reason)</source>
        <translation>Izinkan perubahan pada unit yang sudah final (wajib menyebutkan alasan)</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Daftar periksa</translation>
    </message>
    <message>
        <source>Product: {name}</source>
        <translation>Produk: {name}</translation>
    </message>
    <message>
        <source>Unit: {name}</source>
        <translation>Unit: {name}</translation>
    </message>
    <message>
        <source>Dimension: {name}</source>
        <translation>Dimensi: {name}</translation>
    </message>
    <message>
        <source>No unit of this period has unanswered indicators.</source>
        <translation>Tidak ada unit pada periode ini yang masih memiliki indikator belum dijawab.</translation>
    </message>
    <message>
        <source>Undone: indicator {n}</source>
        <translation>Dibatalkan: indikator {n}</translation>
    </message>
    <message>
        <source>↻ Waiting for the database… another program is writing to it. {n} change(s) are kept and will be saved as soon as it is free.</source>
        <translation>↻ Menunggu basis data… program lain sedang menulis ke sana. {n} perubahan tetap disimpan dan akan tersimpan begitu basis data bebas.</translation>
    </message>
    <message>
        <source>Every required answer is given; {n} change(s) still wait for the database: the unit can be finalised once they are saved</source>
        <translation>Semua jawaban wajib terisi; {n} perubahan masih menunggu basis data: unit dapat difinalkan setelah perubahan itu tersimpan</translation>
    </message>
    <message>
        <source>This unit cannot be finalised yet: {n} required indicator(s) are unanswered (numbers {list}). They are listed under “Still missing”.</source>
        <translation>Unit ini belum dapat difinalkan: {n} indikator wajib belum dijawab (nomor {list}). Daftarnya ada di bagian “Masih kurang”.</translation>
    </message>
    <message>
        <source>This unit cannot be finalised yet: {n} conflict(s) not yet resolved (marked ⚠). Resolve each one, with a reason.</source>
        <translation>Unit ini belum dapat difinalkan: {n} konflik belum diselesaikan (bertanda ⚠). Selesaikan masing-masing, dengan alasan.</translation>
    </message>
    <message>
        <source>Unit finalised. Its answers are now read-only.</source>
        <translation>Unit telah difinalkan. Jawabannya kini hanya dapat dibaca.</translation>
    </message>
    <message>
        <source>Unit reopened; changes are saved as you go.</source>
        <translation>Unit dibuka kembali; perubahan tersimpan otomatis.</translation>
    </message>
    <message>
        <source>Conflict resolved. Your choice and reason travel with the next export.</source>
        <translation>Konflik diselesaikan. Pilihan dan alasan Anda ikut terkirim pada ekspor berikutnya.</translation>
    </message>
    <message>
        <source>This unit is finalised; reopen it to change survey answers.</source>
        <translation>Unit ini sudah final; buka kembali untuk mengubah jawaban survei.</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>Lampirkan bukti</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.webp);;All files (*)</source>
        <translation>Foto (*.jpg *.jpeg *.png *.heic *.webp);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>{n} file(s) attached.</source>
        <translation>{n} berkas dilampirkan.</translation>
    </message>
    <message>
        <source>Photo removed from indicator {n}. Ctrl+Z puts it back.</source>
        <translation>Foto dilepas dari indikator {n}. Ctrl+Z mengembalikannya.</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Bukti</translation>
    </message>
    <message>
        <source>This file is not an image (SHA-256 {sha}).</source>
        <translation>Berkas ini bukan gambar (SHA-256 {sha}).</translation>
    </message>
</context>
<context>
    <name>IndicatorCard</name>
    <message>
        <source>↻ Waiting for the database… this answer is kept and saved as soon as the database is free</source>
        <translation>↻ Menunggu basis data… jawaban ini tetap disimpan dan akan tersimpan begitu basis data bebas</translation>
    </message>
    <message>
        <source>How collected: {how}</source>
        <translation>Cara pengumpulan: {how}</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opsional</translation>
    </message>
    <message>
        <source>a number from 0 to {max}</source>
        <translation>angka dari 0 sampai {max}</translation>
    </message>
    <message>
        <source>Value of {id}</source>
        <translation>Nilai {id}</translation>
    </message>
    <message>
        <source>Enter survey answers…</source>
        <translation>Isi jawaban survei…</translation>
    </message>
    <message>
        <source>Enter survey answers for {id}</source>
        <translation>Isi jawaban survei untuk {id}</translation>
    </message>
    <message>
        <source>N/A  —  not applicable</source>
        <translation>N/A  —  tidak berlaku</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Selesaikan…</translation>
    </message>
    <message>
        <source>Resolve the conflict on {id}</source>
        <translation>Selesaikan konflik pada {id}</translation>
    </message>
    <message>
        <source>Choose one of the answers, or another value, and say why</source>
        <translation>Pilih salah satu jawaban, atau nilai lain, dan sebutkan alasannya</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Catatan (opsional)</translation>
    </message>
    <message>
        <source>Note for {id}</source>
        <translation>Catatan untuk {id}</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Tambah foto…</translation>
    </message>
    <message>
        <source>Add evidence photo for {id}</source>
        <translation>Tambah foto bukti untuk {id}</translation>
    </message>
    <message>
        <source>Attach a photo or file (or drop it on this card)</source>
        <translation>Lampirkan foto atau berkas (atau seret ke kartu ini)</translation>
    </message>
    <message>
        <source>observation</source>
        <translation>observasi</translation>
    </message>
    <message>
        <source>interview</source>
        <translation>wawancara</translation>
    </message>
    <message>
        <source>document</source>
        <translation>dokumen</translation>
    </message>
    <message>
        <source>survey</source>
        <translation>survei</translation>
    </message>
    <message>
        <source>Mean {value}</source>
        <translation>Rata-rata {value}</translation>
    </message>
    <message>
        <source>No answers yet</source>
        <translation>Belum ada jawaban</translation>
    </message>
    <message>
        <source>{n} of {total} respondents entered</source>
        <translation>{n} dari {total} responden terisi</translation>
    </message>
    <message>
        <source>{n} still missing</source>
        <translation>{n} masih kurang</translation>
    </message>
    <message>
        <source>Each answer keeps its own note (above); the resolution gets its own</source>
        <translation>Setiap jawaban menyimpan catatannya sendiri (di atas); penyelesaian mendapat catatannya sendiri</translation>
    </message>
    <message>
        <source>Conflict: {kind}. Editing this answer means resolving it, with a reason.</source>
        <translation>Konflik: {kind}. Mengubah jawaban ini berarti menyelesaikan konfliknya, dengan alasan.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{value}&lt;/b&gt; by {who}, {when}</source>
        <translation>&lt;b&gt;{value}&lt;/b&gt; oleh {who}, {when}</translation>
    </message>
    <message>
        <source>shown now</source>
        <translation>yang tampil sekarang</translation>
    </message>
    <message>
        <source>in the finalised unit</source>
        <translation>dalam unit yang difinalkan</translation>
    </message>
    <message>
        <source>Note: “{note}”</source>
        <translation>Catatan: “{note}”</translation>
    </message>
    <message>
        <source>No note</source>
        <translation>Tanpa catatan</translation>
    </message>
    <message>
        <source>Evidence {name}</source>
        <translation>Bukti {name}</translation>
    </message>
    <message>
        <source>{name} (Enter opens it, Delete removes it)</source>
        <translation>{name} (Enter membuka, Delete melepas)</translation>
    </message>
    <message>
        <source>Remove evidence {name}</source>
        <translation>Lepas bukti {name}</translation>
    </message>
    <message>
        <source>Remove {name} from this answer (Ctrl+Z puts it back)</source>
        <translation>Lepas {name} dari jawaban ini (Ctrl+Z mengembalikannya)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Remove from this answer</source>
        <translation>Lepas dari jawaban ini</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>Answer: {value}</source>
        <translation>Jawaban: {value}</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Belum dijawab</translation>
    </message>
    <message>
        <source>Answers in conflict: {n} versions</source>
        <translation>Jawaban berkonflik: {n} versi</translation>
    </message>
    <message>
        <source>Waiting for the database to save it</source>
        <translation>Menunggu basis data untuk menyimpannya</translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <source>Unit score</source>
        <translation>Nilai unit</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>Masih kurang</translation>
    </message>
    <message>
        <source>Indicators still missing</source>
        <translation>Indikator yang masih kurang</translation>
    </message>
    <message>
        <source>Dimension {name}</source>
        <translation>Dimensi {name}</translation>
    </message>
    <message>
        <source>Score so far (unanswered counted as N/A)</source>
        <translation>Nilai sementara (yang belum dijawab dihitung tidak berlaku)</translation>
    </message>
    <message>
        <source>Would be: {band}</source>
        <translation>Perkiraan: {band}</translation>
    </message>
    <message>
        <source>No answers yet</source>
        <translation>Belum ada jawaban</translation>
    </message>
    <message>
        <source>{answered} of {total} required answers given</source>
        <translation>{answered} dari {total} jawaban wajib terisi</translation>
    </message>
    <message>
        <source>no score yet</source>
        <translation>belum ada nilai</translation>
    </message>
    <message>
        <source>Conflict: {name}</source>
        <translation>Konflik: {name}</translation>
    </message>
    <message>
        <source>Finalised; {n} conflict(s) not yet resolved</source>
        <translation>Sudah final; {n} konflik belum diselesaikan</translation>
    </message>
    <message>
        <source>The unit is finalised</source>
        <translation>Unit sudah difinalkan</translation>
    </message>
    <message>
        <source>Still missing: {n}; conflicts: {c}</source>
        <translation>Masih kurang: {n}; konflik: {c}</translation>
    </message>
    <message>
        <source>Still missing: {n}</source>
        <translation>Masih kurang: {n}</translation>
    </message>
    <message>
        <source>Nothing missing, but {n} conflict(s) must be resolved before finalising</source>
        <translation>Lengkap, tetapi {n} konflik harus diselesaikan sebelum difinalkan</translation>
    </message>
    <message>
        <source>Nothing missing: the unit can be finalised once {n} waiting change(s) are saved</source>
        <translation>Lengkap: unit dapat difinalkan setelah {n} perubahan yang menunggu tersimpan</translation>
    </message>
    <message>
        <source>Nothing missing: the unit can be finalised</source>
        <translation>Lengkap: unit dapat difinalkan</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Filter institutions and units</source>
        <translation>Saring instansi dan unit</translation>
    </message>
    <message>
        <source>Institution / unit</source>
        <translation>Instansi / unit</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Terjawab</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Institutions and units</source>
        <translation>Instansi dan unit</translation>
    </message>
    <message>
        <source>Next unanswered unit</source>
        <translation>Unit berikutnya yang belum lengkap</translation>
    </message>
    <message>
        <source>Open the next unit that still has unanswered indicators</source>
        <translation>Buka unit berikutnya yang masih memiliki indikator belum dijawab</translation>
    </message>
    <message>
        <source>{name}: {n} conflict(s) not yet resolved</source>
        <translation>{name}: {n} konflik belum diselesaikan</translation>
    </message>
    <message>
        <source>{name} (finalised)</source>
        <translation>{name} (sudah final)</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen unit</source>
        <translation>Buka kembali unit</translation>
    </message>
    <message>
        <source>Why must this finalised unit be changed? The reason is recorded with your name and travels with the next export.</source>
        <translation>Mengapa unit yang sudah final ini harus diubah? Alasannya dicatat dengan nama Anda dan ikut terkirim pada ekspor berikutnya.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
    <message>
        <source>Reason for reopening</source>
        <translation>Alasan membuka kembali</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Buka kembali</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Write the reason first: a finalised unit is reopened only with one.</source>
        <translation>Tuliskan alasannya dahulu: unit yang sudah final hanya dapat dibuka kembali dengan alasan.</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve a conflict</source>
        <translation>Selesaikan konflik</translation>
    </message>
    <message>
        <source>These answers were given for this indicator and differ. Choose the one that is right, or give another value, and say why. Your choice and reason are recorded and travel with the next export; each answer keeps its own note.</source>
        <translation>Jawaban-jawaban ini diberikan untuk indikator ini dan berbeda. Pilih yang benar, atau berikan nilai lain, dan sebutkan alasannya. Pilihan dan alasan Anda dicatat dan ikut terkirim pada ekspor berikutnya; setiap jawaban tetap menyimpan catatannya sendiri.</translation>
    </message>
    <message>
        <source>Keep the answer of {who}</source>
        <translation>Pakai jawaban {who}</translation>
    </message>
    <message>
        <source>Keep the answer of {who}: {value}</source>
        <translation>Pakai jawaban {who}: {value}</translation>
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
        <source>shown now</source>
        <translation>yang tampil sekarang</translation>
    </message>
    <message>
        <source>in the finalised unit</source>
        <translation>dalam unit yang difinalkan</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Another &amp;value:</source>
        <translation>Nilai &amp;lain:</translation>
    </message>
    <message>
        <source>Another value</source>
        <translation>Nilai lain</translation>
    </message>
    <message>
        <source>a number from 0 to {max}, or NA</source>
        <translation>angka dari 0 sampai {max}, atau NA</translation>
    </message>
    <message>
        <source>Note of the resolution</source>
        <translation>Catatan penyelesaian</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opsional</translation>
    </message>
    <message>
        <source>Left empty when you keep one of the answers, that answer&apos;s note is kept</source>
        <translation>Bila dikosongkan saat memakai salah satu jawaban, catatan jawaban itu yang dipakai</translation>
    </message>
    <message>
        <source>&amp;Note of the resolution:</source>
        <translation>&amp;Catatan penyelesaian:</translation>
    </message>
    <message>
        <source>Reason for the choice</source>
        <translation>Alasan pilihan</translation>
    </message>
    <message>
        <source>required: why this answer (recorded with your name)</source>
        <translation>wajib: mengapa jawaban ini (dicatat dengan nama Anda)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Selesaikan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Choose one of the answers, or another value.</source>
        <translation>Pilih salah satu jawaban, atau nilai lain.</translation>
    </message>
    <message>
        <source>Type the other value first.</source>
        <translation>Ketik nilai lainnya dahulu.</translation>
    </message>
    <message>
        <source>Write the reason for this choice first: it is recorded with your name.</source>
        <translation>Tuliskan alasan pilihan ini dahulu: alasan dicatat dengan nama Anda.</translation>
    </message>
</context>
<context>
    <name>RetiredAnswersPanel</name>
    <message>
        <source>Answers to indicators that are no longer in this version of the instrument</source>
        <translation>Jawaban untuk indikator yang tidak ada lagi di versi instrumen ini</translation>
    </message>
    <message>
        <source>The period now uses {form}. These answers are kept as they were given: read-only and not scored. They count again only if the period goes back to a version that has them.</source>
        <translation>Periode ini sekarang memakai {form}. Jawaban ini disimpan apa adanya: hanya-baca dan tidak dinilai. Jawaban ini baru dihitung lagi jika periode kembali ke versi yang memuat indikatornya.</translation>
    </message>
    <message>
        <source>Product: {name}</source>
        <translation>Produk: {name}</translation>
    </message>
    <message>
        <source>Answer: {value}</source>
        <translation>Jawaban: {value}</translation>
    </message>
    <message>
        <source>Given by {who}, {when}</source>
        <translation>Diberikan oleh {who}, {when}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Catatan: {note}</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Survey: {text}</source>
        <translation>Survei: {text}</translation>
    </message>
    <message>
        <source>Type the answer of each respondent (0 to {max}); X = could not answer; Delete removes an entry; arrows move.</source>
        <translation>Ketik jawaban setiap responden (0 sampai {max}); X = tidak dapat menjawab; Delete menghapus isian; tombol panah untuk pindah.</translation>
    </message>
    <message>
        <source>Survey summary</source>
        <translation>Ringkasan survei</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Menyimpan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Respondent {n}</source>
        <translation>Responden {n}</translation>
    </message>
    <message>
        <source>(waiting for the database)</source>
        <translation>(menunggu basis data)</translation>
    </message>
    <message>
        <source>Indicator value (mean): {v}</source>
        <translation>Nilai indikator (rata-rata): {v}</translation>
    </message>
    <message>
        <source>Indicator value: none yet</source>
        <translation>Nilai indikator: belum ada</translation>
    </message>
    <message>
        <source>{n} counted</source>
        <translation>{n} dihitung</translation>
    </message>
    <message>
        <source>{n} could not answer</source>
        <translation>{n} tidak dapat menjawab</translation>
    </message>
    <message>
        <source>{n} respondents still missing</source>
        <translation>{n} responden masih kurang</translation>
    </message>
    <message>
        <source>↻ Waiting for the database… another program is writing to it. {n} value(s) marked ↻ are kept, counted, and saved as soon as it is free.</source>
        <translation>↻ Menunggu basis data… program lain sedang menulis ke sana. {n} nilai bertanda ↻ tetap disimpan, sudah dihitung, dan akan tersimpan begitu basis data bebas.</translation>
    </message>
    <message>
        <source>Nothing of this survey indicator to undo here; close the entry to undo other changes.</source>
        <translation>Tidak ada isian survei indikator ini yang bisa dibatalkan di sini; tutup jendela isian untuk membatalkan perubahan lain.</translation>
    </message>
</context>
</TS>
