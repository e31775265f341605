<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
        <source>This package was made with instrument {instrument}, which this database does not have. Receive the coordinator&apos;s plan package first. Nothing was imported.</source>
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
        <source>&apos;{value}&apos; is not a date; write it as YYYY-MM-DD.</source>
        <translation>&apos;{value}&apos; bukan tanggal; tulis sebagai TTTT-BB-HH.</translation>
    </message>
    <message>
        <source>Expected on or off, not &apos;{value}&apos;.</source>
        <translation>Diharapkan on atau off, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>&apos;{item}&apos; is not an item of the running order ({known}).</source>
        <translation>&apos;{item}&apos; bukan mata acara susunan acara ({known}).</translation>
    </message>
    <message>
        <source>{item}: expected whole minutes from 0 to 240, not &apos;{value}&apos;.</source>
        <translation>{item}: diharapkan menit bulat dari 0 sampai 240, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a document setting ({known}).</source>
        <translation>&apos;{name}&apos; bukan pengaturan dokumen ({known}).</translation>
    </message>
    <message>
        <source>&apos;{zone}&apos; is not a zone.</source>
        <translation>&apos;{zone}&apos; bukan zona.</translation>
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
        <source>{name} cannot be certified for {year}: {count} open conflict(s) between inspectors&apos; answers. Resolve them first. No certificate was written.</source>
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
        <source>There is no unit &apos;{unit}&apos; in {year}.</source>
        <translation>Tidak ada unit &apos;{unit}&apos; pada {year}.</translation>
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
        <source>&apos;{dialect}&apos; is not a CSV kind (plain or excel).</source>
        <translation>&apos;{dialect}&apos; bukan jenis CSV (plain atau excel).</translation>
    </message>
    <message>
        <source>{path}: the recap is written as .pdf, .xlsx or .csv.</source>
        <translation>{path}: rekapitulasi ditulis sebagai .pdf, .xlsx atau .csv.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a time; write it as HH:MM, e.g. 09:00.</source>
        <translation>&apos;{value}&apos; bukan jam; tulis sebagai JJ:MM, mis. 09:00.</translation>
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
        <source>the instrument is not valid</source>
        <translation>instrumen tidak sah</translation>
    </message>
    <message>
        <source>{field} must be a mapping (key: value), not {got}</source>
        <translation>{field} harus berupa pemetaan (kunci: nilai), bukan {got}</translation>
    </message>
    <message>
        <source>{field} must be a list, not {got}</source>
        <translation>{field} harus berupa daftar, bukan {got}</translation>
    </message>
    <message>
        <source>{field} needs at least one entry</source>
        <translation>{field} perlu paling sedikit satu isian</translation>
    </message>
    <message>
        <source>unknown field &apos;{field}&apos; (allowed: {allowed})</source>
        <translation>isian &apos;{field}&apos; tidak dikenal (yang boleh: {allowed})</translation>
    </message>
    <message>
        <source>{field} is required</source>
        <translation>{field} wajib diisi</translation>
    </message>
    <message>
        <source>{field} &apos;{value}&apos; is not a lower-case id (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation>{field} &apos;{value}&apos; bukan id huruf kecil (huruf, angka, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</translation>
    </message>
    <message>
        <source>{field} must be a text, or a text in Indonesian (id) and in English (en)</source>
        <translation>{field} harus berupa teks, atau teks dalam bahasa Indonesia (id) dan Inggris (en)</translation>
    </message>
    <message>
        <source>{field} must not be empty</source>
        <translation>{field} tidak boleh kosong</translation>
    </message>
    <message>
        <source>{field} &apos;{value}&apos; is not one of {options}</source>
        <translation>{field} &apos;{value}&apos; bukan salah satu dari {options}</translation>
    </message>
    <message>
        <source>{field} &apos;{value}&apos; is not true or false</source>
        <translation>{field} &apos;{value}&apos; bukan true atau false</translation>
    </message>
    <message>
        <source>{field} &apos;{value}&apos; is not a whole number of at least 1</source>
        <translation>{field} &apos;{value}&apos; bukan bilangan bulat minimal 1</translation>
    </message>
    <message>
        <source>{field} &apos;{value}&apos; is not a number</source>
        <translation>{field} &apos;{value}&apos; bukan angka</translation>
    </message>
    <message>
        <source>{field} &apos;{value}&apos; is below 0</source>
        <translation>{field} &apos;{value}&apos; kurang dari 0</translation>
    </message>
    <message>
        <source>{field} &apos;{value}&apos; must be greater than 0</source>
        <translation>{field} &apos;{value}&apos; harus lebih dari 0</translation>
    </message>
    <message>
        <source>{field} &apos;{value}&apos; is above 100</source>
        <translation>{field} &apos;{value}&apos; lebih dari 100</translation>
    </message>
    <message>
        <source>version &apos;{value}&apos; must be a text or a whole number</source>
        <translation>versi &apos;{value}&apos; harus berupa teks atau bilangan bulat</translation>
    </message>
    <message>
        <source>year &apos;{value}&apos; is not a year between 2000 and 2100</source>
        <translation>tahun &apos;{value}&apos; bukan tahun antara 2000 dan 2100</translation>
    </message>
    <message>
        <source>{field} is required when the confidence is &apos;sourced&apos;</source>
        <translation>{field} wajib diisi bila keyakinannya &apos;sourced&apos;</translation>
    </message>
    <message>
        <source>dimension &apos;{id}&apos; appears twice (first at {first})</source>
        <translation>dimensi &apos;{id}&apos; muncul dua kali (pertama di {first})</translation>
    </message>
    <message>
        <source>variable &apos;{id}&apos; appears twice in dimension &apos;{dimension}&apos; (first at {first})</source>
        <translation>variabel &apos;{id}&apos; muncul dua kali di dimensi &apos;{dimension}&apos; (pertama di {first})</translation>
    </message>
    <message>
        <source>indicator &apos;{id}&apos; appears twice (first at {first})</source>
        <translation>indikator &apos;{id}&apos; muncul dua kali (pertama di {first})</translation>
    </message>
    <message>
        <source>band &apos;{id}&apos; appears twice (first at {first})</source>
        <translation>kategori &apos;{id}&apos; muncul dua kali (pertama di {first})</translation>
    </message>
    <message>
        <source>two bands start at {value} (first at {first})</source>
        <translation>dua kategori mulai di {value} (pertama di {first})</translation>
    </message>
    <message>
        <source>rubric value &apos;{value}&apos; is not a whole number</source>
        <translation>nilai rubrik &apos;{value}&apos; bukan bilangan bulat</translation>
    </message>
    <message>
        <source>rubric value {value} is outside 0..{max}</source>
        <translation>nilai rubrik {value} di luar 0..{max}</translation>
    </message>
    <message>
        <source>the rubric of &apos;{indicator}&apos; has no text for {missing} (it needs one for every value 0..{max})</source>
        <translation>rubrik &apos;{indicator}&apos; tidak punya teks untuk {missing} (setiap nilai 0..{max} perlu teks)</translation>
    </message>
    <message>
        <source>no band starts at 0, so a low score would have no band</source>
        <translation>tidak ada kategori yang mulai di 0, sehingga nilai rendah tidak punya kategori</translation>
    </message>
    <message>
        <source>award_from &apos;{value}&apos; is not the code of one of the bands ({codes})</source>
        <translation>award_from &apos;{value}&apos; bukan kode salah satu kategori ({codes})</translation>
    </message>
    <message>
        <source>band &apos;{band}&apos; starts at {value}, not below the band before it (&apos;{previous}&apos; at {previous_min}): list the bands from the highest min to the lowest</source>
        <translation>kategori &apos;{band}&apos; mulai di {value}, tidak di bawah kategori sebelumnya (&apos;{previous}&apos; di {previous_min}): urutkan kategori dari min tertinggi ke terendah</translation>
    </message>
    <message>
        <source>band &apos;{band}&apos; is below band &apos;{previous}&apos; but in a better zone ({zone}, not {previous_zone})</source>
        <translation>kategori &apos;{band}&apos; berada di bawah kategori &apos;{previous}&apos; tetapi zonanya lebih baik ({zone}, bukan {previous_zone})</translation>
    </message>
    <message>
        <source>every indicator of dimension &apos;{dimension}&apos; has weight 0, so the dimension could never be scored</source>
        <translation>semua indikator dimensi &apos;{dimension}&apos; berbobot 0, sehingga dimensi itu tidak akan pernah bernilai</translation>
    </message>
    <message>
        <source>dimension &apos;{value}&apos; is not on the dimensions sheet</source>
        <translation>dimensi &apos;{value}&apos; tidak ada di lembar dimensions</translation>
    </message>
    <message>
        <source>indicator &apos;{value}&apos; is not on the indicators sheet</source>
        <translation>indikator &apos;{value}&apos; tidak ada di lembar indicators</translation>
    </message>
    <message>
        <source>indicator &apos;{indicator}&apos; has two texts for value {value} (first at {first})</source>
        <translation>indikator &apos;{indicator}&apos; punya dua teks untuk nilai {value} (pertama di {first})</translation>
    </message>
    <message>
        <source>{field} of variable &apos;{variable}&apos; is &apos;{value}&apos; here but &apos;{other}&apos; at {first}</source>
        <translation>{field} variabel &apos;{variable}&apos; di sini &apos;{value}&apos; tetapi &apos;{other}&apos; di {first}</translation>
    </message>
    <message>
        <source>{field} holds a formula ({value}); type the value itself</source>
        <translation>{field} berisi rumus ({value}); ketik nilainya langsung</translation>
    </message>
    <message>
        <source>the workbook has no sheet &apos;{sheet}&apos;</source>
        <translation>buku kerja tidak punya lembar &apos;{sheet}&apos;</translation>
    </message>
    <message>
        <source>required column &apos;{header}&apos; is missing</source>
        <translation>kolom wajib &apos;{header}&apos; tidak ada</translation>
    </message>
    <message>
        <source>column &apos;{header}&apos; appears twice</source>
        <translation>kolom &apos;{header}&apos; muncul dua kali</translation>
    </message>
    <message>
        <source>this cell has a value but its column has no header</source>
        <translation>sel ini berisi nilai tetapi kolomnya tidak berjudul</translation>
    </message>
    <message>
        <source>field &apos;{field}&apos; appears twice (first at {first})</source>
        <translation>isian &apos;{field}&apos; muncul dua kali (pertama di {first})</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; is not a field name (write names such as title.id or sources[0])</source>
        <translation>&apos;{field}&apos; bukan nama isian (tulis nama seperti title.id atau sources[0])</translation>
    </message>
    <message>
        <source>the workbook is too large to be an instrument ({what})</source>
        <translation>buku kerja terlalu besar untuk sebuah instrumen ({what})</translation>
    </message>
    <message>
        <source>the file is not a readable XLSX workbook ({detail})</source>
        <translation>berkas ini bukan buku kerja XLSX yang dapat dibaca ({detail})</translation>
    </message>
    <message>
        <source>{key} is already installed with different content here; a version never changes: give the corrected instrument a new version</source>
        <translation>{key} sudah terpasang dengan isi yang berbeda di sini; sebuah versi tidak pernah berubah: beri instrumen yang dikoreksi versi baru</translation>
    </message>
    <message>
        <source>{count} problem(s) in this instrument file; nothing was installed.</source>
        <translation>{count} masalah di berkas instrumen ini; tidak ada yang dipasang.</translation>
    </message>
    <message>
        <source>this is not valid YAML or JSON ({problem}).</source>
        <translation>ini bukan YAML atau JSON yang sah ({problem}).</translation>
    </message>
    <message>
        <source>the file cannot be read ({detail}).</source>
        <translation>berkas tidak dapat dibaca ({detail}).</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (byte {byte}).</source>
        <translation>berkas bukan teks UTF-8 (bita {byte}).</translation>
    </message>
    <message>
        <source>There is no instrument {form} (known: {available}).</source>
        <translation>Tidak ada instrumen {form} (yang dikenal: {available}).</translation>
    </message>
    <message>
        <source>No instrument covers the year {year}.</source>
        <translation>Tidak ada instrumen untuk tahun {year}.</translation>
    </message>
    <message>
        <source>There is no instrument {form}.</source>
        <translation>Tidak ada instrumen {form}.</translation>
    </message>
    <message>
        <source>&apos;{form}&apos; is not an instrument version (write it as ID@VERSION).</source>
        <translation>&apos;{form}&apos; bukan versi instrumen (tulis sebagai ID@VERSI).</translation>
    </message>
    <message>
        <source>Period {year} already uses {form}.</source>
        <translation>Periode {year} sudah memakai {form}.</translation>
    </message>
    <message>
        <source>{form} is not meant for {year} (its years: {years}).</source>
        <translation>{form} bukan untuk tahun {year} (tahunnya: {years}).</translation>
    </message>
    <message>
        <source>{count} answer(s) of period {year} do not fit {form} ({example}). An indicator whose scale or level changes needs a new id in the new version. Nothing was changed.</source>
        <translation>{count} jawaban periode {year} tidak cocok dengan {form} ({example}). Indikator yang skala atau tingkatnya berubah perlu id baru di versi baru. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>Please give the reason for the switch.</source>
        <translation>Mohon isi alasan pemindahan.</translation>
    </message>
    <message>
        <source>The results of period {year} changed since the preview. Look at the switch again; nothing was changed.</source>
        <translation>Hasil periode {year} berubah sejak pratinjau. Periksa pemindahan itu lagi; belum ada yang diubah.</translation>
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
        <source>{where}, column &apos;{column}&apos;</source>
        <translation>{where}, kolom &apos;{column}&apos;</translation>
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
    <message>
        <source>Instruments</source>
        <translation>Instrumen</translation>
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
