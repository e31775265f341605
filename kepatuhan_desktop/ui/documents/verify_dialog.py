"""'Verify a certificate': a certificate PDF, or the text a phone's QR scanner shows. Offline."""

from __future__ import annotations

from ...documents.payload import Verification, verify_payload, verify_pdf
from ...errors import KepatuhanError
from ..errors import describe_error
from ..qt import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)


class VerifyDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Verify a certificate"))
        self.resize(640, 420)

        intro = QLabel(self.tr("Choose a certificate PDF, or paste the text your phone's QR scanner shows for the "
                               "code on a printed certificate. The check works offline."))
        intro.setWordWrap(True)
        self.pdf_button = QPushButton(self.tr("Check a &PDF file…"))
        self.pdf_button.clicked.connect(self.choose_pdf)
        text_label = QLabel(self.tr("&QR code text:"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("KPT2|…")
        text_label.setBuddy(self.text)
        self.check_button = QPushButton(self.tr("&Check the text"))
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check_text)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAccessibleName(self.tr("Result of the check"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.pdf_button)
        row.addStretch(1)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(text_label)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(buttons)

    def choose_pdf(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Certificate PDF"), "", self.tr("PDF files (*.pdf)"))
        if path:
            self.check_pdf(path)

    def check_pdf(self, path: str) -> bool:
        """Check a certificate PDF: its codes and that each page says what its code says."""
        try:
            results = verify_pdf(self.ctx.db, path)
        except KepatuhanError as exc:
            self._show(False, describe_error(exc))
            return False
        return self._report(results)

    def check_text(self) -> bool:
        text = self.text.toPlainText().strip()
        if not text:
            self._show(False, self.tr("Paste the text of the QR code first."))
            return False
        return self._check([text])

    def _check(self, texts: list[str]) -> bool:
        return self._report([verify_payload(self.ctx.db, t) for t in texts])

    def _report(self, results: list[Verification]) -> bool:
        ok = all(r.ok for r in results)
        lines = []
        for r in results:
            p = r.payload
            if r.ok and p is not None:
                who = r.recipient(" · ")
                lines.append(self.tr("Genuine: certificate {serial} for {who}, {year}, score {score}, band {band}. "
                                     "Signed by {signer}.").format(serial=p.serial, who=who, year=p.year,
                                                                   score=p.score.replace('.', ','), band=p.band, signer=r.signer))
            else:
                lines.append(self.tr("NOT valid: {reason}").format(reason=self.reason_text(r)))
        self._show(ok, "\n".join(lines))
        return ok

    def reason_text(self, r) -> str:
        if r.code == "malformed":
            return self.tr("this is not a complete Kepatuhan certificate code.")
        if r.code == "untrusted":
            return self.tr("the signer (key {key}) is not trusted by this installation.").format(
                key=r.payload.fingerprint)
        if r.code == "key-revoked":
            return self.tr("the signer's key {key} has been revoked.").format(key=r.payload.fingerprint)
        if r.code == "altered":
            return self.tr("the signature does not match: the certificate's data was altered or the code is "
                           "damaged.")
        if r.code == "revoked":
            return self.tr("certificate {serial} has been revoked: {reason}").format(serial=r.payload.serial,
                                                                                    reason=r.detail)
        if r.code == "superseded":
            return self.tr("certificate {serial} was replaced by a newer certificate, {new}; only that one is "
                           "valid.").format(serial=r.payload.serial, new=r.detail)
        if r.code == "not-coordinator":
            return self.tr("it is signed by {signer}, an inspector's key; only a coordinator's key issues "
                           "certificates.").format(signer=r.signer)
        if r.code == "page-mismatch":
            return self.tr("the page does not say what its code says (serial, score, category or recipient "
                           "differ): the document was altered or carries another certificate's code.")
        return r.reason

    def _show(self, ok: bool, text: str) -> None:
        colour = "#146C2E" if ok else "#B3261E"   # AA on the dialog background (5.7:1, 5.4:1)
        self.result.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.result.setText(text)
