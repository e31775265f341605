<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID">
<context>
    <name>ChecklistPage</name>
    <message>
        <source>Choose a unit in the list on the left</source>
        <translation>Pilih unit pada daftar di sebelah kiri</translation>
    </message>
    <message>
        <source>Finalise unit</source>
        <translation>Finalkan unit</translation>
    </message>
    <message>
        <source>Lock the unit's answers (needs every required answer)</source>
        <translation>Kunci jawaban unit (semua jawaban wajib harus terisi)</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Buka kembali…</translation>
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
        <source>Keys: 0-9 answer and move on · N = N/A · Del clears · ↑↓ move · Enter = next unanswered · Ctrl+Z undo</source>
        <translation>Tombol: 0-9 menjawab lalu lanjut · N = Tidak berlaku · Del menghapus · ↑↓ pindah · Enter = berikutnya yang belum dijawab · Ctrl+Z batalkan</translation>
    </message>
    <message>
        <source>No assessment period yet: import a plan, or start with --demo</source>
        <translation>Belum ada periode penilaian: impor rencana penilaian, atau mulai dengan --demo</translation>
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
        <source>finalised {at}</source>
        <translation>final {at}</translation>
    </message>
    <message>
        <source>open: answers are saved as you go</source>
        <translation>terbuka: jawaban tersimpan otomatis</translation>
    </message>
    <message>
        <source>Every required indicator of this unit is answered. You can finalise it.</source>
        <translation>Semua indikator wajib unit ini sudah dijawab. Unit dapat difinalkan.</translation>
    </message>
    <message>
        <source>No unit of this period has unanswered indicators.</source>
        <translation>Tidak ada unit pada periode ini yang masih memiliki indikator belum dijawab.</translation>
    </message>
    <message>
        <source>This unit is finalised; reopen it (with a reason) to change answers.</source>
        <translation>Unit ini sudah final; buka kembali (dengan alasan) untuk mengubah jawaban.</translation>
    </message>
    <message>
        <source>Undone: indicator {n}</source>
        <translation>Dibatalkan: indikator {n}</translation>
    </message>
    <message>
        <source>Answer the indicator before adding a note.</source>
        <translation>Jawab indikator terlebih dahulu sebelum menambahkan catatan.</translation>
    </message>
    <message>
        <source>This unit cannot be finalised yet: {n} required indicator(s) are unanswered (numbers {list}). They are listed under “Still missing”.</source>
        <translation>Unit ini belum dapat difinalkan: {n} indikator wajib belum dijawab (nomor {list}). Daftarnya ada di bagian “Masih kurang”.</translation>
    </message>
    <message>
        <source>Unit finalised. Its answers are now read-only.</source>
        <translation>Unit telah difinalkan. Jawabannya kini hanya dapat dibaca.</translation>
    </message>
    <message>
        <source>Reopen unit</source>
        <translation>Buka kembali unit</translation>
    </message>
    <message>
        <source>Why must this finalised unit be changed? The reason is recorded in the audit log with your name.</source>
        <translation>Mengapa unit yang sudah final ini harus diubah? Alasan dicatat dalam log audit bersama nama Anda.</translation>
    </message>
    <message>
        <source>Unit reopened; changes are saved as you go.</source>
        <translation>Unit dibuka kembali; perubahan tersimpan otomatis.</translation>
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
        <source>Evidence {name}</source>
        <translation>Bukti {name}</translation>
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
        <source>Still missing: {n}</source>
        <translation>Masih kurang: {n}</translation>
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
        <source>Finalised</source>
        <translation>Final</translation>
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
        <source>Respondent {n}</source>
        <translation>Responden {n}</translation>
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
</context>
</TS>