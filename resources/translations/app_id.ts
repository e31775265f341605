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
        <source>{path}: the disk is full. Nothing was saved and the database is unchanged; free some space and try again.</source>
        <translation>{path}: disk penuh. Tidak ada yang disimpan dan basis data tidak berubah; kosongkan sebagian ruang lalu coba lagi.</translation>
    </message>
    <message>
        <source>{path}: cannot be written (the file or its folder is read-only). Nothing was changed.</source>
        <translation>{path}: tidak dapat ditulis (berkas atau foldernya hanya-baca). Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>{path}: the database file is damaged. Restore a backup.</source>
        <translation>{path}: berkas basis data rusak. Pulihkan dari cadangan.</translation>
    </message>
    <message>
        <source>{file}: the backup copy failed its check ({detail}). Nothing was written.</source>
        <translation>{file}: salinan cadangan gagal diperiksa ({detail}). Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <source>{file}: the backup could not be written ({detail}).</source>
        <translation>{file}: cadangan tidak dapat ditulis ({detail}).</translation>
    </message>
    <message>
        <source>{file}: no such file. Nothing was restored.</source>
        <translation>{file}: berkas tidak ada. Tidak ada yang dipulihkan.</translation>
    </message>
    <message>
        <source>{file} is not a database ({detail}). Nothing was restored.</source>
        <translation>{file} bukan basis data ({detail}). Tidak ada yang dipulihkan.</translation>
    </message>
    <message>
        <source>{file} is damaged ({detail}). Nothing was restored.</source>
        <translation>{file} rusak ({detail}). Tidak ada yang dipulihkan.</translation>
    </message>
    <message>
        <source>{file} is not a Kepatuhan database. Nothing was restored.</source>
        <translation>{file} bukan basis data Kepatuhan. Tidak ada yang dipulihkan.</translation>
    </message>
    <message>
        <source>{file} was written by a newer version of Kepatuhan Desktop. Update the application to restore it; nothing was restored.</source>
        <translation>{file} ditulis oleh versi Kepatuhan Desktop yang lebih baru. Perbarui aplikasi untuk memulihkannya; tidak ada yang dipulihkan.</translation>
    </message>
    <message>
        <source>{path}: the restore failed ({detail}). The previous database is kept in {saved}.</source>
        <translation>{path}: pemulihan gagal ({detail}). Basis data sebelumnya tersimpan di {saved}.</translation>
    </message>
    <message>
        <source>{path}: the database is busy: another program kept it locked for too long. Nothing was changed; try again.</source>
        <translation>{path}: basis data sedang sibuk: program lain menguncinya terlalu lama. Tidak ada yang diubah; coba lagi.</translation>
    </message>
    <message>
        <source>{path}: cannot be read or written ({detail}).</source>
        <translation>{path}: tidak dapat dibaca atau ditulis ({detail}).</translation>
    </message>
    <message>
        <source>{path}: cannot be opened as a Kepatuhan database.</source>
        <translation>{path}: tidak dapat dibuka sebagai basis data Kepatuhan.</translation>
    </message>
    <message>
        <source>{path}: this database was written by a newer version of Kepatuhan Desktop. Update the application; the file has not been changed.</source>
        <translation>{path}: basis data ini ditulis oleh versi Kepatuhan Desktop yang lebih baru. Perbarui aplikasi; berkas tidak diubah.</translation>
    </message>
    <message>
        <source>{path}: upgrading the database failed; it was rolled back.</source>
        <translation>{path}: pembaruan basis data gagal; semua perubahan dibatalkan.</translation>
    </message>
    <message>
        <source>{path}: cannot be opened ({detail}).</source>
        <translation>{path}: tidak dapat dibuka ({detail}).</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} adalah folder, bukan berkas basis data.</translation>
    </message>
    <message>
        <source>{path}: {detail}</source>
        <translation>{path}: {detail}</translation>
    </message>
    <message>
        <source>there is no such file.</source>
        <translation>berkas tidak ada.</translation>
    </message>
    <message>
        <source>the file is empty; a header line is expected.</source>
        <translation>berkas kosong; baris judul kolom diperlukan.</translation>
    </message>
    <message>
        <source>the file has a header but no rows.</source>
        <translation>berkas memiliki baris judul tetapi tidak ada baris data.</translation>
    </message>
    <message>
        <source>the text is not UTF-8 (save it as &apos;CSV UTF-8&apos; from the spreadsheet).</source>
        <translation>teks bukan UTF-8 (simpan sebagai &apos;CSV UTF-8&apos; dari lembar kerja).</translation>
    </message>
    <message>
        <source>{file}: {member}, line {line} is not UTF-8 text. Nothing was imported.</source>
        <translation>{file}: {member}, baris {line} bukan teks UTF-8. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>a line is longer than {limit} bytes.</source>
        <translation>ada baris yang lebih panjang dari {limit} bita.</translation>
    </message>
    <message>
        <source>broken CSV ({detail}).</source>
        <translation>CSV rusak ({detail}).</translation>
    </message>
    <message>
        <source>the row has {fields} fields but the header has {columns}.</source>
        <translation>baris ini memiliki {fields} kolom, sedangkan judulnya {columns}.</translation>
    </message>
    <message>
        <source>missing column(s): {columns}.</source>
        <translation>kolom tidak ada: {columns}.</translation>
    </message>
    <message>
        <source>unknown column(s): {columns}.</source>
        <translation>kolom tidak dikenal: {columns}.</translation>
    </message>
    <message>
        <source>column(s) {columns} appear more than once.</source>
        <translation>kolom {columns} muncul lebih dari sekali.</translation>
    </message>
    <message>
        <source>the row has values beyond the {columns} header columns.</source>
        <translation>baris ini berisi nilai di luar {columns} kolom judul.</translation>
    </message>
    <message>
        <source>this is not a readable XLSX workbook.</source>
        <translation>ini bukan buku kerja XLSX yang dapat dibaca.</translation>
    </message>
    <message>
        <source>a part of the workbook is compressed suspiciously much; it is not read.</source>
        <translation>sebagian buku kerja terkompresi secara mencurigakan; tidak dibaca.</translation>
    </message>
    <message>
        <source>the workbook would unpack to more than {limit} bytes.</source>
        <translation>buku kerja akan membesar melebihi {limit} bita saat dibuka.</translation>
    </message>
    <message>
        <source>this looks like an XLSX workbook; give it the .xlsx extension.</source>
        <translation>berkas ini tampaknya buku kerja XLSX; beri ekstensi .xlsx.</translation>
    </message>
    <message>
        <source>the {field} is too long (at most {limit} characters) or holds control characters.</source>
        <translation>{field} terlalu panjang (paling banyak {limit} karakter) atau berisi karakter kendali.</translation>
    </message>
    <message>
        <source>indicator {indicator} is not in instrument {instrument}.</source>
        <translation>indikator {indicator} tidak ada dalam instrumen {instrument}.</translation>
    </message>
    <message>
        <source>institution {institution} is not in the {year} plan.</source>
        <translation>instansi {institution} tidak ada dalam rencana {year}.</translation>
    </message>
    <message>
        <source>unit {unit} is not a unit of {institution} in {year}.</source>
        <translation>unit {unit} bukan unit dari {institution} pada {year}.</translation>
    </message>
    <message>
        <source>unit {unit} is not in the {year} plan.</source>
        <translation>unit {unit} tidak ada dalam rencana {year}.</translation>
    </message>
    <message>
        <source>indicator {indicator} is answered per product; the product is missing.</source>
        <translation>indikator {indicator} dijawab per produk; produknya tidak diisi.</translation>
    </message>
    <message>
        <source>product {product} is not a product of unit {unit}.</source>
        <translation>produk {product} bukan produk dari unit {unit}.</translation>
    </message>
    <message>
        <source>the product must be empty: {indicator} is a unit-level indicator.</source>
        <translation>produk harus kosong: {indicator} adalah indikator tingkat unit.</translation>
    </message>
    <message>
        <source>the product must be empty: unit {unit} has no products.</source>
        <translation>produk harus kosong: unit {unit} tidak memiliki produk.</translation>
    </message>
    <message>
        <source>{indicator} for this unit/product was already given a different value on line {first_line}.</source>
        <translation>{indicator} untuk unit/produk ini sudah diberi nilai lain pada baris {first_line}.</translation>
    </message>
    <message>
        <source>unit {unit} of {institution} is finalised; reopen it before changing its answers.</source>
        <translation>unit {unit} dari {institution} sudah difinalkan; buka kembali sebelum mengubah jawabannya.</translation>
    </message>
    <message>
        <source>the code &apos;{value}&apos; is not allowed: codes use lower-case letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, start with a letter or digit, and have at most 64 characters.</source>
        <translation>kode &apos;{value}&apos; tidak diperbolehkan: kode memakai huruf kecil, angka, &apos;-&apos;, &apos;_&apos; dan &apos;.&apos;, diawali huruf atau angka, paling banyak 64 karakter.</translation>
    </message>
    <message>
        <source>The code &apos;{value}&apos; cannot name a file (codes use lower-case letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;); correct it in the plan.</source>
        <translation>Kode &apos;{value}&apos; tidak dapat dipakai sebagai nama berkas (kode memakai huruf kecil, angka, &apos;-&apos;, &apos;_&apos; dan &apos;.&apos;); perbaiki di rencana.</translation>
    </message>
    <message>
        <source>the kind {value} is not one of {kinds}.</source>
        <translation>jenis {value} bukan salah satu dari {kinds}.</translation>
    </message>
    <message>
        <source>this column must not be empty.</source>
        <translation>kolom ini tidak boleh kosong.</translation>
    </message>
    <message>
        <source>this text is too long or holds control characters.</source>
        <translation>teks ini terlalu panjang atau berisi karakter kendali.</translation>
    </message>
    <message>
        <source>{what} is described differently than on line {first_line}.</source>
        <translation>{what} dijelaskan berbeda dari baris {first_line}.</translation>
    </message>
    <message>
        <source>product {what} is already listed on line {first_line}.</source>
        <translation>produk {what} sudah tercantum pada baris {first_line}.</translation>
    </message>
    <message>
        <source>a unit of institution {value}, which is not in the plan.</source>
        <translation>unit dari instansi {value}, yang tidak ada dalam rencana.</translation>
    </message>
    <message>
        <source>a product or assignment of unit {value}, which is not in the plan.</source>
        <translation>produk atau penugasan untuk unit {value}, yang tidak ada dalam rencana.</translation>
    </message>
    <message>
        <source>product_name is given without a product code.</source>
        <translation>product_name diisi tanpa kode produk.</translation>
    </message>
    <message>
        <source>an unknown kind of line.</source>
        <translation>jenis baris tidak dikenal.</translation>
    </message>
    <message>
        <source>a second period line.</source>
        <translation>baris periode kedua.</translation>
    </message>
    <message>
        <source>Period {year} already uses instrument {instrument}; it cannot be moved to {wanted}.</source>
        <translation>Periode {year} sudah memakai instrumen {instrument}; tidak dapat dipindah ke {wanted}.</translation>
    </message>
    <message>
        <source>{file} is too large to be a public key file.</source>
        <translation>{file} terlalu besar untuk berkas kunci publik.</translation>
    </message>
    <message>
        <source>{file} cannot be read ({detail}).</source>
        <translation>{file} tidak dapat dibaca ({detail}).</translation>
    </message>
    <message>
        <source>{file}: there is no such file.</source>
        <translation>{file}: berkas tidak ada.</translation>
    </message>
    <message>
        <source>{file}: the package cannot be read. Nothing was imported.</source>
        <translation>{file}: paket tidak dapat dibaca. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: the package holds more than {limit} files. Nothing was imported.</source>
        <translation>{file}: paket berisi lebih dari {limit} berkas. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: the package would unpack to more than {limit} bytes. Nothing was imported.</source>
        <translation>{file}: paket akan membesar melebihi {limit} bita. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: {member} is larger than its limit of {limit} bytes. Nothing was imported.</source>
        <translation>{file}: {member} lebih besar dari batasnya, {limit} bita. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: {member} is compressed suspiciously much (a zip bomb). Nothing was imported.</source>
        <translation>{file}: {member} terkompresi secara mencurigakan (bom zip). Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: {member} points outside the package or is a link. Nothing was imported.</source>
        <translation>{file}: {member} menunjuk ke luar paket atau berupa tautan. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: {member} is not part of the package format. Nothing was imported.</source>
        <translation>{file}: {member} bukan bagian dari format paket. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: {member} appears twice. Nothing was imported.</source>
        <translation>{file}: {member} muncul dua kali. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: this is not a Kepatuhan package (no manifest). Nothing was imported.</source>
        <translation>{file}: ini bukan paket Kepatuhan (tanpa manifes). Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: the package is not signed. Nothing was imported.</source>
        <translation>{file}: paket tidak ditandatangani. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: the manifest does not name its sender. Nothing was imported.</source>
        <translation>{file}: manifes tidak menyebut pengirimnya. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: the manifest is not valid. Nothing was imported.</source>
        <translation>{file}: manifes tidak sah. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: this package format version ({version}) is newer than this application reads. Update the application. Nothing was imported.</source>
        <translation>{file}: versi format paket ini ({version}) lebih baru dari yang dapat dibaca aplikasi. Perbarui aplikasi. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: the package claims to be made at {created_at}, after now. Is the sender&apos;s clock right? Nothing was imported.</source>
        <translation>{file}: paket mengaku dibuat pada {created_at}, setelah saat ini. Apakah jam pengirim benar? Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: {member} is listed in the manifest but missing. Nothing was imported.</source>
        <translation>{file}: {member} tercantum di manifes tetapi tidak ada. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: {member} is not listed in the signed manifest. Nothing was imported.</source>
        <translation>{file}: {member} tidak tercantum di manifes yang ditandatangani. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: {member} was altered or damaged. Nothing was imported.</source>
        <translation>{file}: {member} diubah atau rusak. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: the author&apos;s signature of {member} does not match. Nothing was imported.</source>
        <translation>{file}: tanda tangan penulis pada {member} tidak cocok. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: {member} is signed by {signer} (key {fingerprint}), whose key has been revoked. Nothing was imported.</source>
        <translation>{file}: {member} ditandatangani oleh {signer} (kunci {fingerprint}), yang kuncinya sudah dicabut. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: {member} is not a signed batch. Nothing was imported.</source>
        <translation>{file}: {member} bukan batch yang ditandatangani. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: {member} is not valid JSON. Nothing was imported.</source>
        <translation>{file}: {member} bukan JSON yang sah. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: {member}, line {line} is longer than {limit} bytes. Nothing was imported.</source>
        <translation>{file}: {member}, baris {line} lebih panjang dari {limit} bita. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>an unknown kind of record</source>
        <translation>jenis catatan tidak dikenal</translation>
    </message>
    <message>
        <source>a record by another author than the one who signed the batch</source>
        <translation>catatan oleh penulis lain dari penanda tangan batch</translation>
    </message>
    <message>
        <source>a record of another year</source>
        <translation>catatan untuk tahun lain</translation>
    </message>
    <message>
        <source>a time outside what is possible (before 2000, or later than the package was made)</source>
        <translation>waktu di luar yang mungkin (sebelum 2000, atau setelah paket dibuat)</translation>
    </message>
    <message>
        <source>a change counter out of range</source>
        <translation>penghitung perubahan di luar rentang</translation>
    </message>
    <message>
        <source>a record without {field}</source>
        <translation>catatan tanpa {field}</translation>
    </message>
    <message>
        <source>the field {field} is not valid</source>
        <translation>isian {field} tidak sah</translation>
    </message>
    <message>
        <source>{field} names more than {limit} records</source>
        <translation>{field} menyebut lebih dari {limit} catatan</translation>
    </message>
    <message>
        <source>unit {unit} does not belong to the institution named</source>
        <translation>unit {unit} bukan milik instansi yang disebut</translation>
    </message>
    <message>
        <source>the record&apos;s id does not match what it is about</source>
        <translation>id catatan tidak sesuai dengan isinya</translation>
    </message>
    <message>
        <source>indicator {indicator} is not a survey indicator, or its respondents are not valid</source>
        <translation>indikator {indicator} bukan indikator survei, atau respondennya tidak sah</translation>
    </message>
    <message>
        <source>respondent {respondent} is not one of the {expected} respondents of {indicator}</source>
        <translation>responden {respondent} bukan salah satu dari {expected} responden {indicator}</translation>
    </message>
    <message>
        <source>respondent {respondent}&apos;s answer to {indicator} is not a whole number in range</source>
        <translation>jawaban responden {respondent} untuk {indicator} bukan bilangan bulat dalam rentang</translation>
    </message>
    <message>
        <source>a certificate revocation that is not valid</source>
        <translation>pencabutan sertifikat yang tidak sah</translation>
    </message>
    <message>
        <source>{file}: {member}, line {line}: {problem}. Nothing was imported.</source>
        <translation>{file}: {member}, baris {line}: {problem}. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: {member}, line {line} refers to a record that is neither in the package nor in this database (import the earlier package first). Nothing was imported.</source>
        <translation>{file}: {member}, baris {line} merujuk catatan yang tidak ada di paket maupun di basis data ini (impor paket sebelumnya lebih dulu). Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: {member}, line {line} refers to a record of another answer or unit. Nothing was imported.</source>
        <translation>{file}: {member}, baris {line} merujuk catatan dari jawaban atau unit lain. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: {member}, line {line} names an evidence file that is not in the package. Nothing was imported.</source>
        <translation>{file}: {member}, baris {line} menyebut berkas bukti yang tidak ada dalam paket. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: there is no assessment period {year} here. Receive the plan package first. Nothing was imported.</source>
        <translation>{file}: belum ada periode penilaian {year} di sini. Terima paket rencana lebih dulu. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: period {year} here uses instrument {instrument}, the package uses {wanted}. Nothing was imported.</source>
        <translation>{file}: periode {year} di sini memakai instrumen {instrument}, paket memakai {wanted}. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: this plan package was made on {made} (UTC), before period {year} here was set to {instrument} ({decided} UTC); it would move the period back to {wanted}. Receive the coordinator&apos;s newest plan package. Nothing was imported.</source>
        <translation>{file}: paket rencana ini dibuat pada {made} (UTC), sebelum periode {year} di sini ditetapkan ke {instrument} ({decided} UTC); paket ini akan mengembalikan periode ke {wanted}. Terima paket rencana terbaru dari koordinator. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file} was not imported: the coordinator&apos;s plan moves period {year} from {instrument} to {wanted}, which cannot be done here. {problem}.</source>
        <translation>{file} tidak diimpor: rencana koordinator memindahkan periode {year} dari {instrument} ke {wanted}, dan itu tidak dapat dilakukan di sini. {problem}.</translation>
    </message>
    <message>
        <source>{file}: the plan in the package is not valid. Nothing was imported.</source>
        <translation>{file}: rencana dalam paket tidak sah. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: a second plan package for {year} in the same import. Nothing was imported.</source>
        <translation>{file}: paket rencana kedua untuk {year} dalam impor yang sama. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{role} is not a role: a person is an inspector or a coordinator.</source>
        <translation>{role} bukan peran: seseorang adalah pemeriksa atau koordinator.</translation>
    </message>
    <message>
        <source>A signing key needs the name of the person it belongs to.</source>
        <translation>Kunci tanda tangan memerlukan nama pemiliknya.</translation>
    </message>
    <message>
        <source>This database already has a signing key ({name}, {fingerprint}).</source>
        <translation>Basis data ini sudah memiliki kunci tanda tangan ({name}, {fingerprint}).</translation>
    </message>
    <message>
        <source>This is not a Kepatuhan public key file.</source>
        <translation>Ini bukan berkas kunci publik Kepatuhan.</translation>
    </message>
    <message>
        <source>This line of the key file is not “field: value”.</source>
        <translation>Baris berkas kunci ini tidak berbentuk “kolom: nilai”.</translation>
    </message>
    <message>
        <source>The key in this file is missing or damaged.</source>
        <translation>Kunci dalam berkas ini tidak ada atau rusak.</translation>
    </message>
    <message>
        <source>The fingerprint in this file does not match its key: the file was altered. Do not trust it.</source>
        <translation>Sidik jari dalam berkas ini tidak cocok dengan kuncinya: berkas telah diubah. Jangan percayai berkas ini.</translation>
    </message>
    <message>
        <source>{file} was refused: {reason}. Nothing was imported.</source>
        <translation>{file} ditolak: {reason}. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file} is not a complete Kepatuhan package (damaged, or another kind of file). Nothing was imported.</source>
        <translation>{file} bukan paket Kepatuhan yang utuh (rusak, atau berkas jenis lain). Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>{file}: the signature does not match its contents; the package was altered after it was signed. Nothing was imported.</source>
        <translation>{file}: tanda tangan tidak cocok dengan isinya; paket diubah setelah ditandatangani. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>This package is signed by {signer} (key {fingerprint}). A package of this kind needs a coordinator&apos;s key, and this key is not trusted as one here. Nothing was imported.</source>
        <translation>Paket ini ditandatangani oleh {signer} (kunci {fingerprint}). Paket jenis ini memerlukan kunci koordinator, dan kunci ini tidak dipercaya sebagai kunci koordinator di sini. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>There is no unit {unit} of {institution} in period {year}.</source>
        <translation>Tidak ada unit {unit} dari {institution} pada periode {year}.</translation>
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
        <source>{count} change(s) of this unit are still waiting for the database (another program is writing to it). They are saved as soon as it is free; finalise the unit then.</source>
        <translation>{count} perubahan pada unit ini masih menunggu basis data (program lain sedang menulis ke sana). Perubahan itu tersimpan begitu basis data bebas; finalkan unit setelah itu.</translation>
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
        <translation>Jawab indikator sebelum menambahkan catatan.</translation>
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
        <source>{file}, line {line}</source>
        <translation>{file}, baris {line}</translation>
    </message>
    <message>
        <source>{where}, column &apos;{column}&apos;</source>
        <translation>{where}, kolom &apos;{column}&apos;</translation>
    </message>
</context>
<context>
    <name>FirstRunView</name>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Welcome, {name}</source>
        <translation>Selamat datang, {name}</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Selamat datang</translation>
    </message>
    <message>
        <source>This database has no assessment period yet. Start with the plan: the institutions, units and products to assess. Choose one:</source>
        <translation>Basis data ini belum memiliki periode penilaian. Mulailah dengan rencana: instansi, unit, dan produk yang dinilai. Pilih salah satu:</translation>
    </message>
    <message>
        <source>&amp;Receive the plan package from my coordinator…</source>
        <translation>&amp;Terima paket rencana dari koordinator saya…</translation>
    </message>
    <message>
        <source>Open the package file (.kpk) your coordinator sent you by USB stick, e-mail or chat. If it is the first package from them, you are shown their name and key to confirm.</source>
        <translation>Buka berkas paket (.kpk) yang dikirim koordinator Anda lewat flashdisk, surel, atau pesan. Jika ini paket pertama darinya, nama dan kuncinya ditampilkan untuk Anda konfirmasi.</translation>
    </message>
    <message>
        <source>&amp;Import a plan from a spreadsheet…</source>
        <translation>&amp;Impor rencana dari lembar kerja…</translation>
    </message>
    <message>
        <source>For the coordinator who prepares the plan: a CSV or XLSX file with one row per product.</source>
        <translation>Untuk koordinator yang menyusun rencana: berkas CSV atau XLSX dengan satu baris per produk.</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Coba &amp;demo</translation>
    </message>
    <message>
        <source>Opens a separate demo database with sample institutions and answers, to look around. Your own database stays as it is; the File menu brings you back.</source>
        <translation>Membuka basis data demo terpisah berisi contoh instansi dan jawaban, untuk melihat-lihat. Basis data Anda sendiri tetap seperti semula; menu Berkas membawa Anda kembali.</translation>
    </message>
    <message>
        <source>Save my &amp;public key for my coordinator…</source>
        <translation>Simpan kunci &amp;publik saya untuk koordinator…</translation>
    </message>
    <message>
        <source>Your coordinator accepts your results once they trust your key. Save the key file and give it to them; they will phone you to check its fingerprint.</source>
        <translation>Koordinator menerima hasil Anda setelah memercayai kunci Anda. Simpan berkas kunci dan serahkan kepadanya; ia akan menelepon Anda untuk memeriksa sidik jarinya.</translation>
    </message>
    <message>
        <source>Show the other views</source>
        <translation>Tampilkan tampilan lain</translation>
    </message>
    <message>
        <source>Receive a package</source>
        <translation>Terima paket</translation>
    </message>
    <message>
        <source>Kepatuhan packages (*.kpk)</source>
        <translation>Paket Kepatuhan (*.kpk)</translation>
    </message>
    <message>
        <source>Received from {name}.</source>
        <translation>Diterima dari {name}.</translation>
    </message>
    <message>
        <source>key</source>
        <translation>kunci</translation>
    </message>
    <message>
        <source>Save my public key</source>
        <translation>Simpan kunci publik saya</translation>
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
        <source>Your public key is saved as {file}.</source>
        <translation>Kunci publik Anda disimpan sebagai {file}.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>answer set</source>
        <extracomment>Most entries one view holds (a national period has hundreds of thousands; narrow to an institution). How each action reads in the view (English source; translated in the &quot;History&quot; context).</extracomment>
        <translation>jawaban diisi</translation>
    </message>
    <message>
        <source>answer cleared</source>
        <translation>jawaban dihapus</translation>
    </message>
    <message>
        <source>note changed</source>
        <translation>catatan diubah</translation>
    </message>
    <message>
        <source>conflict resolved</source>
        <translation>konflik diselesaikan</translation>
    </message>
    <message>
        <source>unit finalised</source>
        <translation>unit difinalkan</translation>
    </message>
    <message>
        <source>unit reopened</source>
        <translation>unit dibuka kembali</translation>
    </message>
    <message>
        <source>survey entered</source>
        <translation>survei dimasukkan</translation>
    </message>
    <message>
        <source>evidence attached</source>
        <translation>bukti dilampirkan</translation>
    </message>
    <message>
        <source>evidence removed</source>
        <translation>bukti dilepas</translation>
    </message>
    <message>
        <source>person changed</source>
        <translation>pengguna diubah</translation>
    </message>
    <message>
        <source>signing key</source>
        <translation>kunci tanda tangan</translation>
    </message>
    <message>
        <source>key trusted</source>
        <translation>kunci dipercaya</translation>
    </message>
    <message>
        <source>key role changed</source>
        <translation>peran kunci diubah</translation>
    </message>
    <message>
        <source>key revoked</source>
        <translation>kunci dicabut</translation>
    </message>
    <message>
        <source>plan changed</source>
        <translation>rencana diubah</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>piagam</translation>
    </message>
    <message>
        <source>package received</source>
        <translation>paket diterima</translation>
    </message>
    <message>
        <source>period</source>
        <translation>periode</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>komputer ini</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>tidak berlaku</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Sebelum</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Sesudah</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Asal</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>{n} respondent(s)</source>
        <translation>{n} responden</translation>
    </message>
    <message>
        <source>signing key {fp}</source>
        <translation>kunci tanda tangan {fp}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>&amp;Institution:</source>
        <translation>&amp;Instansi:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Cari:</translation>
    </message>
    <message>
        <source>name, indicator, value, reason, file</source>
        <translation>nama, indikator, nilai, alasan, berkas</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Cari dalam riwayat</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>History of {what}, period {year}</source>
        <translation>Riwayat {what}, periode {year}</translation>
    </message>
    <message>
        <source>History of period {year}</source>
        <translation>Riwayat periode {year}</translation>
    </message>
    <message>
        <source>Only the answer {indicator}</source>
        <translation>Hanya jawaban {indicator}</translation>
    </message>
    <message>
        <source>All institutions</source>
        <translation>Semua instansi</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Semua unit</translation>
    </message>
    <message>
        <source>No assessment period yet.</source>
        <translation>Belum ada periode penilaian.</translation>
    </message>
    <message>
        <source>{n} change(s), newest first.</source>
        <translation>{n} perubahan, terbaru di atas.</translation>
    </message>
    <message>
        <source>{shown} of {n} change(s) shown.</source>
        <translation>{shown} dari {n} perubahan ditampilkan.</translation>
    </message>
    <message>
        <source>Only the first {n} are shown: choose an institution to see the rest.</source>
        <translation>Hanya {n} yang pertama ditampilkan: pilih instansi untuk melihat sisanya.</translation>
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
        <source>The period every view shows</source>
        <translation>Periode yang ditampilkan semua tampilan</translation>
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
        <source>Vi&amp;ew</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;History of this unit…</source>
        <translation>&amp;Riwayat unit ini…</translation>
    </message>
    <message>
        <source>History of this &amp;answer…</source>
        <translation>Riwayat &amp;jawaban ini…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <source>&amp;About Kepatuhan Desktop</source>
        <translation>&amp;Tentang Kepatuhan Desktop</translation>
    </message>
    <message>
        <source>&amp;Back to my database</source>
        <translation>&amp;Kembali ke basis data saya</translation>
    </message>
    <message>
        <source>Open the &amp;demo database</source>
        <translation>Buka basis data &amp;demo</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>koordinator</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>pemeriksa</translation>
    </message>
    <message>
        <source>{who}, {role}</source>
        <translation>{who}, {role}</translation>
    </message>
    <message>
        <source>No person set (Settings)</source>
        <translation>Pengguna belum diatur (Pengaturan)</translation>
    </message>
    <message>
        <source>Signing key {fp}</source>
        <translation>Kunci tanda tangan {fp}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
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
    <name>Numbers</name>
    <message>
        <source>{n} bytes</source>
        <translation>{n} bita</translation>
    </message>
</context>
<context>
    <name>PagePlaceholder</name>
    <message>
        <source>This view could not be opened: {title}</source>
        <extracomment>Screens up to this width open the window maximised (office laptops: 1366×768). The window&apos;s size on larger screens (within the screen&apos;s available area).</extracomment>
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
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
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
        <source>&amp;Role:</source>
        <translation>&amp;Peran:</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Nama Anda</translation>
    </message>
    <message>
        <source>NIP or staff number</source>
        <translation>NIP atau nomor pegawai</translation>
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
        <source>as it should appear on exports and in the history</source>
        <translation>seperti yang akan tampil pada paket kiriman dan riwayat</translation>
    </message>
    <message>
        <source>e.g. Perwakilan Bali</source>
        <translation>mis. Perwakilan Bali</translation>
    </message>
    <message>
        <source>Inspector (assesses units, sends results)</source>
        <translation>Pemeriksa (menilai unit, mengirim hasil)</translation>
    </message>
    <message>
        <source>Coordinator (sends plans, merges results, prints documents)</source>
        <translation>Koordinator (mengirim rencana, menggabungkan hasil, mencetak dokumen)</translation>
    </message>
    <message>
        <source>Your name and office label your signing key: whoever receives your packages sees them, with the key&apos;s fingerprint.</source>
        <translation>Nama dan kantor Anda menjadi label kunci tanda tangan Anda: penerima paket Anda melihatnya, bersama sidik jari kunci.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Lihat di:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Nama berkas:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Jenis berkas:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Buka</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Pilih</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Maju</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Folder induk</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Buat folder baru</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Tampilan daftar</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Tampilan rinci</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Folder baru</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Folder &amp;baru</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Ganti nama</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Tampilkan berkas &amp;tersembunyi</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Semua berkas (*)</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Tempat terakhir</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Komputer saya</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Simpan sebagai</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Cari folder</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 sudah ada.
Ganti berkas itu?</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Tanggal diubah</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Batal</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Tutup tanpa menyimpan</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>U&amp;lang</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Tampilkan rincian...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Sembunyikan rincian...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Simpan semua</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ya untuk &amp;semua</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Tidak untuk s&amp;emua</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Atur ulang</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Kembalikan bawaan</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>U&amp;lang</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Salin &amp;alamat tautan</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>Approve</source>
        <translation>Setujui</translation>
    </message>
    <message>
        <source>Approve the results of {name} for {year} as they are now?
Reason or note (optional):</source>
        <translation>Setujui hasil {name} untuk {year} sebagaimana adanya sekarang?
Alasan atau catatan (opsional):</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Kembalikan ke tinjauan</translation>
    </message>
    <message>
        <source>Why is the approval of {name} for {year} taken back?</source>
        <translation>Mengapa persetujuan {name} untuk {year} dibatalkan?</translation>
    </message>
</context>
<context>
    <name>SavesPrompt</name>
    <message>
        <source>The backup is restored once they are saved.</source>
        <translation>Cadangan dipulihkan setelah perubahan itu tersimpan.</translation>
    </message>
    <message>
        <source>The other database opens once they are saved.</source>
        <translation>Basis data yang lain dibuka setelah perubahan itu tersimpan.</translation>
    </message>
    <message>
        <source>The window closes once they are saved.</source>
        <translation>Jendela ditutup setelah perubahan itu tersimpan.</translation>
    </message>
    <message>
        <source>• {unit}: {n} change(s)</source>
        <translation>• {unit}: {n} perubahan</translation>
    </message>
    <message>
        <source>… and {n} more unit(s)</source>
        <translation>… dan {n} unit lainnya</translation>
    </message>
    <message>
        <source>{n} change(s) are not saved yet: another program is writing to the database and keeps it locked.</source>
        <translation>{n} perubahan belum tersimpan: program lain sedang menulis ke basis data dan menguncinya.</translation>
    </message>
    <message>
        <source>Wait until they are saved, or discard them? {after}</source>
        <translation>Tunggu sampai tersimpan, atau buang perubahan itu? {after}</translation>
    </message>
    <message>
        <source>Waiting for the database: another program is writing to it. {n} change(s) not saved yet are kept and saved as soon as it is free.</source>
        <translation>Menunggu basis data: program lain sedang menulis ke sana. {n} perubahan yang belum tersimpan tetap disimpan dan akan tersimpan begitu basis data bebas.</translation>
    </message>
    <message>
        <source>Changes not saved yet</source>
        <translation>Perubahan belum tersimpan</translation>
    </message>
    <message>
        <source>&amp;Wait and save them</source>
        <translation>&amp;Tunggu dan simpan</translation>
    </message>
    <message>
        <source>&amp;Discard {n} change(s)</source>
        <translation>&amp;Buang {n} perubahan</translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation>&amp;Lanjut bekerja</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Menyimpan</translation>
    </message>
    <message>
        <source>the note on “{indicator}”</source>
        <translation>catatan pada “{indicator}”</translation>
    </message>
    <message>
        <source>respondent {n}&apos;s value for “{indicator}”</source>
        <translation>nilai responden {n} untuk “{indicator}”</translation>
    </message>
    <message>
        <source>the answer to “{indicator}”</source>
        <translation>jawaban untuk “{indicator}”</translation>
    </message>
    <message>
        <source>• {unit}: {what} was not saved. {why}</source>
        <translation>• {unit}: {what} tidak tersimpan. {why}</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… dan {n} lainnya</translation>
    </message>
    <message>
        <source>Nothing was restored: restore the backup again when you have read this.</source>
        <translation>Tidak ada yang dipulihkan: pulihkan cadangan lagi setelah Anda membaca ini.</translation>
    </message>
    <message>
        <source>The other database was not opened: open it again when you have read this.</source>
        <translation>Basis data lain tidak dibuka: buka lagi setelah Anda membaca ini.</translation>
    </message>
    <message>
        <source>The window stayed open so that you see this: close the window again when you have read it.</source>
        <translation>Jendela tetap terbuka agar Anda melihat ini: tutup jendela lagi setelah Anda membacanya.</translation>
    </message>
    <message>
        <source>Changes refused</source>
        <translation>Perubahan ditolak</translation>
    </message>
    <message>
        <source>{n} change(s) could not be saved: they were waiting for the database, and the rules refused them now.</source>
        <translation>{n} perubahan tidak dapat disimpan: perubahan itu menunggu basis data, dan kini ditolak oleh aturan.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Who works with this database</source>
        <translation>Siapa yang bekerja dengan basis data ini</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Bahasa:</translation>
    </message>
    <message>
        <source>Please enter your name.</source>
        <translation>Silakan isi nama Anda.</translation>
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
        <source>Database file</source>
        <translation>Berkas basis data</translation>
    </message>
    <message>
        <source>Welcome to {app}</source>
        <translation>Selamat datang di {app}</translation>
    </message>
    <message>
        <source>This database does not say yet who works with it. Tell us who you are: your name goes with every change you make and labels the packages you send. The database:</source>
        <translation>Basis data ini belum menyebut siapa yang bekerja dengannya. Beri tahu kami siapa Anda: nama Anda menyertai setiap perubahan yang Anda buat dan menjadi label paket yang Anda kirim. Basis datanya:</translation>
    </message>
    <message>
        <source>This is the first start of {app} with this database. Tell us who you are: your name goes with every change you make and labels the packages you send. The database will be created at:</source>
        <translation>Ini pertama kali {app} dijalankan dengan basis data ini. Beri tahu kami siapa Anda: nama Anda menyertai setiap perubahan yang Anda buat dan menjadi label paket yang Anda kirim. Basis data akan dibuat di:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Please enter your name.</source>
        <translation>Silakan isi nama Anda.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Bahasa:</translation>
    </message>
</context>
</TS>
