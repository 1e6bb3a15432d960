"""The words pohon shows people, in Bahasa Indonesia and English: one catalogue for every human output.

`CATALOGUE[section][key] = (Bahasa Indonesia, English)`, side by side for whoever translates. `words(section, lang)` is one section's words in the output's language (Indonesian
unless the language is "en"); `say(section, key, lang, **values)` one phrase with its {placeholders} filled.
tests/test_words.py holds every section to the same keys and the same placeholders in both languages. Finding
messages and rule titles live with their rule (pohon.checks), loading errors with their code (pohon.load.cells).
"""
from __future__ import annotations

LANGS = ("id", "en")

CATALOGUE: dict[str, dict[str, tuple[str, str]]] = {
    "findings": {
        "findings": ("temuan", "findings"),
        "none": ("Tidak ada temuan.", "No findings."),
        "rule": ("aturan", "rule"),
        "severity": ("tingkat", "severity"),
        "node": ("simpul", "node"),
        "message": ("pesan", "message"),
        "title": ("Hasil pemeriksaan", "Check results"),
        "nodes": ("simpul", "nodes"),
    },
    "diff": {
        "added": ("ditambah", "added"),
        "removed": ("dihapus", "removed"),
        "recoded": ("kode diubah", "code changed"),
        "reworded": ("nama diubah", "name changed"),
        "target": ("target", "target"),
        "pagu": ("pagu", "pagu"),
        "anggaran": ("anggaran", "anggaran"),
        "unit_types": ("tanda Lampiran IV", "Lampiran IV marks"),
        "ik": ("cascade IKK → IK", "IKK → IK cascade"),
        "sp": ("SP", "SP"),
        "satuan": ("satuan", "unit of measure"),
        "tipe": ("tipe", "type"),
        "kelompok": ("kelompok", "group"),
        "kategori": ("kategori", "category"),
        "program": ("program", "program"),
        "bintang": ("tanda *", "* mark"),
        "nama": ("nama", "name"),
        "title": ("Perbedaan cascade", "Cascade differences"),
        "nodes": ("Perubahan simpul", "Node changes"),
        "budget": ("Pergeseran anggaran (Rp juta)", "Budget shifts (Rp juta)"),
        "total": ("Total komponen", "Total of komponen"),
        "none": ("Tidak ada perbedaan.", "No differences."),
        "by_ik": ("per IK", "by IK"),
        "by_unit": ("per unit", "by unit"),
        "not-cascaded": ("tidak ter-cascade (IKK tanpa IK)", "not cascaded (IKK with no IK)"),
        "kind": ("jenis", "kind"),
        "node": ("simpul", "node"),
        "change": ("perubahan", "change"),
        "old": ("lama", "old"),
        "new": ("baru", "new"),
        "year": ("tahun", "year"),
        "delta": ("selisih", "difference"),
        "empty": ("(kosong)", "(empty)"),
        "stability": ("Peringatan stabilitas IKU", "IKU stability warnings"),
        "criterion": ("kriteria", "criterion"),
    },
    "trace": {
        "up": ("Ke atas (sampai Sasaran Strategis Kemenperin)", "Upward (to the Kemenperin Sasaran Strategis)"),
        "down": ("Ke bawah, anggaran Rp juta", "Downward, budget in Rp juta"),
        "source": ("sumber", "source"),
        "none": ("(tidak ada)", "(none)"),
        "twins": ("lihat", "see"),
    },
    "trace-notes": {
        "carried": ("Lampiran IV + IKK", "Lampiran IV + IKK"),
        "marked-only": ("ditandai di Lampiran IV, tanpa IKK", "marked in Lampiran IV, no IKK"),
        "ikk-only": ("ada IKK, tidak ditandai di Lampiran IV", "has IKK, not marked in Lampiran IV"),
        "not-cascaded": ("IKK tidak ter-cascade ke IK", "IKK cascades to no IK"),
        "bintang": ("bertanda *: anggaran di komponen lain", "marked *: budget sits on another komponen"),
    },
    "budget": {
        "title": ("Anggaran per {by} (Rp juta)", "Budget by {by} (Rp juta)"),
        "kode": ("kode", "code"),
        "nama": ("nama", "name"),
        "total": ("jumlah", "total"),
        "sum": ("JUMLAH", "TOTAL"),
        "komponen": ("Total seluruh komponen", "Total of all komponen"),
        "pagu": ("Jumlah pagu unit (Lampiran II)", "Sum of unit pagu (Lampiran II)"),
        "starred": ("komponen bertanda * (tanpa anggaran sendiri)", "komponen marked * (no money of their own)"),
        "rule": ("aturan", "rule"),
        "diff": ("selisih", "difference"),
    },
    "budget-unallocated": {
        "not-cascaded": ("tidak ter-cascade (IKK tanpa IK)", "not cascaded (IKK with no IK)"),
        "ik-without-sp": ("IK tanpa Sasaran Program", "IK with no Sasaran Program"),
        "sp-without-ss": ("SP tanpa Sasaran Strategis", "SP with no Sasaran Strategis"),
    },
    "budget-rule": {
        "rule": (
            "Aturan alokasi: anggaran setiap komponen dihitung sekali, di tempatnya: di bawah IKK-nya sendiri, "
            "jadi di bawah satu IK tujuan cascade IKK itu, SP dari IK itu, SS dari SP itu, dan unitnya sendiri. "
            "Komponen bertanda * tidak membawa anggaran sendiri (anggarannya ada di komponen lain); bila tetap "
            "berangka, angka itu dihitung sekali di tempatnya. Anggaran di bawah IKK yang tidak ter-cascade "
            "ditampilkan sebagai baris tersendiri, sehingga jumlahnya sama dengan total seluruh komponen.",
            "Allocation rule: each komponen's anggaran is counted once, where it sits: under its own IKK, so "
            "under the one IK that IKK cascades to, that IK's SP, that SP's SS, and its own unit. A * komponen "
            "carries no money of its own (its budget sits on another komponen); if it carries a figure anyway, "
            "that figure is counted once where it sits. Money under an IKK that cascades to no IK is a separate "
            "line, so the roll-up sums to the total of all komponen.",
        ),
    },
    "severity": {
        "error": ("galat", "error"),
        "warning": ("peringatan", "warning"),
        "info": ("info", "info"),
    },
    "rule": {
        "severity": ("tingkat", "severity"),
        "finds": ("yang dicari", "finds"),
        "kinds": ("jenis temuan", "kinds of finding"),
        "id": ("id", "id"),
    },
    "os-hint": {
        "EACCES": ("periksa izin berkas", "check the file's permissions"),
        "EPERM": ("periksa izin berkas", "check the file's permissions"),
        "ENOENT": ("periksa jalurnya", "check the path"),
        "EISDIR": ("berikan berkas, bukan folder", "give a file, not a folder"),
        "ENOTDIR": ("salah satu bagian jalur bukan folder", "part of the path is not a folder"),
        "ENOSPC": ("kosongkan ruang disk", "free some disk space"),
        "EROFS": ("pilih lokasi yang bisa ditulisi", "choose a writable location"),
        "ELOOP": ("periksa tautan simbolik", "check the symbolic links"),
    },
    "cli": {
        "unknown-year": (
            "tahun {year} tidak ada dalam cascade ({years})",
            "year {year} is not in the cascade ({years})",
        ),
        "next-check": ("berikutnya: pohon check {target}", "next: pohon check {target}"),
        "wrote": ("{path} ditulis", "wrote {path}"),
        "exists": (
            "tidak menimpa berkas yang sudah ada: {names}; pakai --force",
            "refusing to overwrite existing files: {names}; add --force",
        ),
        "unknown-node": ("simpul tidak dikenal: '{query}'", "unknown node '{query}'"),
        "did-you-mean": ("; mungkin maksudnya: {hint}", "; did you mean: {hint}"),
    },
    "report": {
        "title": ("Lembar Reviu Cascading Kinerja", "Cascade Review Sheet"),
        "made": ("Dibuat oleh pohon", "Made by pohon"),
        "summary": ("Ringkasan", "Summary"),
        "kind": ("jenis simpul", "node kind"),
        "count": ("jumlah", "count"),
        "findings": ("Temuan per aturan", "Findings by rule"),
        "rule": ("aturan", "rule"),
        "severity": ("tingkat", "severity"),
        "node": ("simpul", "node"),
        "source": ("sumber (baris)", "source (line)"),
        "message": ("pesan", "message"),
        "details": ("rincian", "details"),
        "none": ("Tidak ada temuan.", "No findings."),
        "units": ("Unit kerja", "Units"),
        "unit": ("unit", "unit"),
        "nama": ("nama", "name"),
        "ik": ("IK diemban", "IK carried"),
        "ikk": ("IKK", "IKK"),
        "reconciled": ("selaras", "reconciled"),
        "yes": ("ya", "yes"),
        "no": ("tidak", "no"),
        "budget": ("Anggaran per Sasaran Program (Rp juta)", "Budget by Sasaran Program (Rp juta)"),
        "kode": ("kode", "code"),
        "total": ("jumlah", "total"),
        "sum": ("JUMLAH", "TOTAL"),
        "komponen": ("Total anggaran komponen", "Total komponen budget"),
        "pagu": ("Total pagu unit", "Total unit pagu"),
        "checked": ("Aturan yang diperiksa", "Rules checked"),
        "n_findings": ("temuan", "findings"),
        "reconciled_note": (
            "selaras = tidak ada temuan budget-mismatch pada unit itu",
            "reconciled = no budget-mismatch finding on the unit",
        ),
    },
    "report-kke": {
        "title": (
            "Kertas Kerja Evaluasi (cascading): skor isian pohon",
            "Evaluation work sheets (cascading): pohon's pre-filled scores",
        ),
        "sheet": ("lembar", "sheet"),
        "score": ("skor", "score"),
        "answered": ("sel terjawab", "answered cells"),
        "open": ("sel untuk evaluator", "cells for the evaluator"),
        "note": (
            "Skor = rerata sel terjawab (Y=1, K=0,5, T=0); sel S dan A SMART-C dan yang tidak bisa diputuskan "
            "dari data diisi evaluator. Buku kerja: `pohon kke -o kke.xlsx`.",
            "Score = mean of the answered cells (Y=1, K=0.5, T=0); SMART-C's S and A and what the data cannot "
            "decide are the evaluator's. Workbook: `pohon kke -o kke.xlsx`.",
        ),
    },
    "report-quality": {
        "title": ("Kualitas indikator", "Indicator quality"),
        "rule": ("aturan", "rule"),
        "checks": ("memeriksa", "checks"),
        "findings": ("temuan", "findings"),
        "note": (
            "Pedoman Kinerja (Lampiran III): {n} entri, {lost} dengan rumus yang tidak terbaca di teks sumber "
            "(tercatat di kolom catatan pedoman.csv). Rincian tiap temuan ada di bagian temuan per aturan.",
            "Pedoman Kinerja (Lampiran III): {n} entries, {lost} with a formula unreadable in the source text "
            "(noted in pedoman.csv's catatan column). Each finding is listed under findings by rule.",
        ),
    },
    "kke-workbook": {
        "evidence": ("bukti (aturan, temuan, sumber)", "evidence (rules, findings, source)"),
        "summary": ("Ringkasan", "Ringkasan"),
        "sheet": ("lembar", "sheet"),
        "score": ("skor (Y=1, K=0,5, T=0)", "score (Y=1, K=0.5, T=0)"),
        "answered": ("sel terjawab", "answered cells"),
        "open": ("sel untuk evaluator", "cells for the evaluator"),
        "component": ("komponen evaluasi", "evaluation component"),
        "weight": ("bobot", "weight"),
        "note": (
            "Diisi oleh pohon dari data dan temuan `pohon check`; sel kosong berwarna kuning diputuskan oleh "
            "evaluator. Skor dihitung ulang otomatis.",
            "Filled by pohon from the data and the findings of `pohon check`; blank yellow cells are the "
            "evaluator's. Scores recalculate.",
        ),
    },
    "poster": {
        "root": ("Instansi", "Agency"),
        "SS": ("SS", "SS"),
        "SP": ("SP", "SP"),
        "IK": ("IK", "IK"),
        "Unit": ("Unit", "Unit"),
        "Tipe": ("Tipe unit", "Unit type"),
        "IKK": ("IKK", "IKK"),
        "Komponen": ("Komponen", "Komponen"),
        "Lain": ("Lain", "Other"),
        "target": ("Target {year}", "Target {year}"),
        "page": ("hlm.", "p."),
        "pages": ("hlm. {n}/{total}", "p. {n}/{total}"),
        "continued": ("lanjutan dari hlm. {n}", "continued from p. {n}"),
        "overview": ("Ikhtisar", "Overview"),
        "under": ("di bawah {what}", "under {what}"),
        "findings": (
            "Temuan pemeriksaan (pohon check) pada kotak yang digambar",
            "Findings of the checks (pohon check) on the boxes drawn",
        ),
        "findings_more": ("Temuan (lanjutan)", "Findings (continued)"),
        "none": ("Tidak ada temuan pada kotak yang digambar.", "No findings on the boxes drawn."),
        "units": ("unit-unitnya", "its units"),
        "elsewhere": (
            "{n} temuan lain ada pada simpul yang tidak digambar di poster ini (lebih dalam dari --depth, di luar"
            " tampilan, atau Tabel 10): lihat pohon check.",
            "{n} more findings are on nodes this poster does not draw (deeper than --depth, outside the view, or "
            "Tabel 10): see pohon check.",
        ),
        "legend": (
            "Anggaran: jumlah komponen {years}, Rp juta, tiap komponen dihitung sekali · target tahun {last}",
            "Budget: sum of komponen {years}, Rp juta, each komponen counted once · target of {last}",
        ),
    },
    "poster-tree": {
        "balai": ("balai", "centres"),
        "not-cascaded": ("Tidak ter-cascade", "Not cascaded"),
        "not-cascaded-note": ("IKK tanpa IK di Lampiran IV", "IKKs that cascade to no IK of Lampiran IV"),
    },
    "pedoman-fields": {
        "definisi": ("Definisi", "definition"),
        "cara_menghitung": ("Cara Menghitung", "way of calculating"),
        "sumber_data": ("Sumber Data", "data source"),
        "satuan": ("Satuan", "unit of measure"),
        "klasifikasi": ("Klasifikasi", "direction (klasifikasi)"),
        "penanggung_jawab": ("Penanggung Jawab", "owner (penanggung jawab)"),
    },
    "visual": {
        "search": ("Cari kode (T1/SP3/a) atau kata…", "Search a code (T1/SP3/a) or words…"),
        "all_units": ("Semua unit", "All units"),
        "all_sp": ("Semua SP", "All SPs"),
        "reset": ("Atur ulang", "Reset"),
        "presenter": ("Mode presentasi", "Presenter mode"),
        "names": ("Nama", "Names"),
        "names_help": ("Tampilkan nama atau hanya kode", "Show names or codes only"),
        "text_down": ("Perkecil teks", "Smaller text"),
        "text_up": ("Perbesar teks", "Larger text"),
        "fold_to": ("Lipat ke tingkat…", "Fold to level…"),
        "unfold_all": ("Buka semua", "Unfold all"),
        "save_png": ("Simpan PNG", "Save PNG"),
        "focus": ("Fokus", "Focus"),
        "leave_focus": ("× keluar fokus", "× leave focus"),
        "zoom_in": ("Perbesar", "Zoom in"),
        "zoom_out": ("Perkecil", "Zoom out"),
        "fit": ("Pas layar", "Fit"),
        "minimap": ("Peta kecil", "Minimap"),
        "see_all": ("lihat semua", "see all"),
        "focus_help": ("Klik dua kali: fokus pada simpul (Esc keluar)", "Double-click: focus on a node (Esc leaves)"),
        "save_png_help": (
            "Simpan tampilan ini sebagai gambar PNG (resolusi 2×)",
            "Save this view as a PNG image (2× resolution)",
        ),
        "index_title": ("halaman lokakarya", "workshop pages"),
        "index_page": ("Halaman", "Page"),
        "index_kind": ("Jenis", "Kind"),
        "index_counts": ("Yang digambar", "What it draws"),
        "index_findings": ("Temuan pada simpul yang digambar", "Findings on the nodes drawn"),
        "index_lead": (
            "Buka satu halaman; setiap halaman berdiri sendiri (luring). Temuan seluruh data:",
            "Open one page; each works on its own (offline). Findings of the whole data:",
        ),
        "legend": ("Keterangan", "Legend"),
        "findings": ("Temuan", "Findings"),
        "no_match": ("Tidak ditemukan", "No match"),
        "budget_note": (
            "Ukuran unit dan komponen: jumlah pagu/anggaran 2021–2024",
            "Unit and component size: total budget 2021–2024",
        ),
        "cascade_edge": ("IKK → IK yang didukung (garis putus)", "IKK → the IK it supports (dashed)"),
        "hidden_findings": ("temuan pada simpul di luar tampilan ini", "findings on nodes outside this view"),
        "nodes": ("simpul", "nodes"),
        "edges": ("garis", "edges"),
        "depth": ("Kedalaman", "Depth"),
        "code": ("Kode", "Code"),
        "name": ("Nama", "Name"),
        "satuan": ("Satuan", "Unit of measure"),
        "target": ("Target", "Target"),
        "budget": ("Anggaran (Rp juta)", "Budget (Rp million)"),
        "pagu": ("Pagu (Rp juta)", "Ceiling (Rp million)"),
        "total": ("Jumlah", "Total"),
        "tipe": ("Tipe", "Type"),
        "ik": ("Mendukung IK", "Supports IK"),
        "sp": ("SP", "SP"),
        "program": ("Program", "Program"),
        "unit_types": ("Tipe unit (Lampiran IV)", "Unit types (Lampiran IV)"),
        "bintang": ("Bertanda *", "Starred *"),
        "yes": ("ya", "yes"),
        "help": (
            "Klik simpul: jalur ke SS dan turunannya. Klik ruang kosong: hapus sorotan.",
            "Click a node: its path to the SS and its subtree. Click empty space: clear.",
        ),
        "details_empty": ("Pilih simpul untuk melihat rinciannya.", "Select a node to see its details."),
        "panel": ("Semua temuan", "All findings"),
        "all_sev": ("Semua tingkat", "All severities"),
        "all_rules": ("Semua aturan", "All rules"),
        "outside": ("di luar tampilan ini", "not on this page"),
        "of": ("dari", "of"),
        "below": ("Temuan di bawahnya", "Findings below"),
        "below_legend": (
            "n: temuan pada SK, IKK dan komponen di bawah unit",
            "n: findings on the SK, IKK and komponen under the unit",
        ),
        "panel_help": ("n / p: temuan berikut / sebelumnya", "n / p: next / previous finding"),
        "only_drawn": ("hanya yang ada di halaman ini", "only those on this page"),
        "no_findings": ("Tidak ada temuan di sini.", "No findings here."),
        "under": ("di bawah unit", "under unit"),
        "size_legend": (
            "{kind}: luas lingkaran sebanding {money} {first}–{last}; terbesar {amount}",
            "{kind}: circle area proportional to its {money} {first}–{last}; largest {amount}",
        ),
        "size_agency": (
            " ({agency}, jumlah seluruh badan, digambar sebesar yang terbesar)",
            " ({agency}, the whole agency's total, drawn as large as the largest)",
        ),
        "pagu_word": ("pagu", "ceiling (pagu)"),
        "budget_word": ("anggaran", "budget"),
        "carried_by": ("Diemban unit (Lampiran IV)", "Carried by units (Lampiran IV)"),
        "nobody": ("tidak ada", "none"),
        "supported_by": ("Didukung", "Supported by"),
        "budget_under": ("Anggaran komponen di bawahnya (Rp juta)", "Komponen budget under it (Rp million)"),
        "unit": ("Unit kerja", "Unit"),
        "sk": ("Sasaran Kegiatan", "Activity objective (SK)"),
        "ikk": ("IKK", "IKK"),
        "units_word": ("unit", "units"),
        "more": ("lainnya", "more"),
        "tipe_name": (
            "{n} unit bertipe {tipe}: satu garis per tanda Lampiran IV; klik untuk membuka/melipat",
            "{n} units of type {tipe}: one line per Lampiran IV mark; click to unfold/fold",
        ),
        "file": ("Berkas", "File"),
        "line": ("Baris dokumen sumber", "Source document line"),
        "title_tipe": ("tipe unit {tipe}", "unit type {tipe}"),
        "title_unit": ("unit {unit}", "unit {unit}"),
    },
    "visual-kinds": {
        "SS": ("Sasaran Strategis", "Strategic Objective"),
        "Tujuan": ("Tujuan", "Goal"),
        "SP": ("Sasaran Program", "Program Objective"),
        "IK": ("Indikator Kinerja", "Performance Indicator"),
        "Tipe": ("Tipe unit", "Unit type"),
        "Unit": ("Unit kerja", "Unit"),
        "SK": ("Sasaran Kegiatan", "Activity Objective"),
        "IKK": ("Indikator Kinerja Kegiatan", "Activity Indicator"),
        "Komponen": ("Komponen", "Component"),
    },
    "visual-index-kinds": {
        "overview": ("seluruh badan", "whole agency"),
        "tipe": ("tipe unit", "unit type"),
        "unit": ("unit kerja", "unit"),
    },
    "visual-diff": {
        "changes": ("Perubahan dari versi lama", "Changes from the old version"),
        "was": ("Sebelumnya", "Was"),
        "compared": ("dibandingkan dengan versi lama", "compared with the old version"),
        "money": ("anggaran di bawahnya", "budget under it"),
        "hidden": ("perubahan di luar tampilan ini", "changes outside this view"),
        "old_file": ("Berkas (versi lama)", "File (old version)"),
        "yes": ("ya", "yes"),
        "no": ("tidak", "no"),
    },
    "visual-diff-status": {
        "added": ("ditambah", "added"),
        "changed": ("diubah", "changed"),
        "renamed": ("kode/nama diubah", "renamed / re-coded"),
        "removed": ("dihapus", "removed"),
    },
    "visual-diff-legend": {
        "added": ("ditambah (baru di revisi)", "added (new in the revision)"),
        "changed": ("diubah (target, anggaran, tanda, IKK → IK)", "changed (targets, budget, marks, IKK → IK)"),
        "renamed": ("kode/nama diubah (titik-titik)", "code/name changed (dotted)"),
        "removed": ("dihapus: simpul lama, garis putus, pudar", "removed: old node, dashed, faded"),
        "unchanged": ("tidak berubah", "unchanged"),
    },
    "diff-cli": {
        "both": ("--unit dan --sp tidak bisa dipakai bersamaan", "--unit and --sp cannot be used together"),
        "unit": ("unit {value!r} tidak ada di units.csv kedua versi", "unit {value!r} is in neither version's units.csv"),
        "sp": ("SP {value!r} tidak ada di sp.csv kedua versi", "SP {value!r} is in neither version's sp.csv"),
    },
    "visual-cli": {
        "need_out": ("berikan -o FILE.html atau --all FOLDER", "give -o FILE.html or --all FOLDER"),
        "both": ("-o dan --all tidak bisa dipakai bersamaan", "-o and --all cannot be used together"),
        "depth": (
            "kedalaman {value!r} tidak dikenal; pilih salah satu: {choices}",
            "unknown depth {value!r}; choose one of: {choices}",
        ),
        "unit": ("unit {value!r} tidak ada di units.csv", "unit {value!r} is not in units.csv"),
        "tipe": ("tipe unit {value!r} tidak ada di units.csv", "unit type {value!r} is not in units.csv"),
        "sp": ("SP {value!r} tidak ada di sp.csv", "SP {value!r} is not in sp.csv"),
        "write": ("tidak bisa menulis {value}: {error}", "cannot write {value}: {error}"),
        "wrote": ("{path} ditulis", "wrote {path}"),
    },
}

WORDS: dict[str, dict[str, dict[str, str]]] = {
    section: {lang: {k: pair[i] for k, pair in entries.items()} for i, lang in enumerate(LANGS)}
    for section, entries in CATALOGUE.items()}


def lang_of(lang: str | None) -> str:
    return "en" if lang == "en" else "id"


def words(section: str, lang: str | None) -> dict[str, str]:
    return WORDS[section][lang_of(lang)]


def say(section: str, key: str, lang: str | None, **values) -> str:
    return words(section, lang)[key].format(**values)
