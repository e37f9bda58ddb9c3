// SPDX-License-Identifier: MIT
#pragma once

class QDialog;
class QLineEdit;
class QString;

namespace tg {

/// Gives a dialog a minimum size from its own text rather than from the smallest size its
/// layout could squeeze into: at least `minimumChars` average characters of its font wide (more
/// when its layout needs it), and tall enough at that width for every word-wrapped label. Call
/// once its layout is complete; the dialog then opens at that size or larger, and cannot be
/// shrunk until its text is cut.
void fitDialogToText(QDialog *dialog, int minimumChars);

/// Makes a line edit at least wide enough to show `text` whole (its placeholder, or a typical
/// value such as a page address).
void fitLineEditTo(QLineEdit *edit, const QString &text);

} // namespace tg
