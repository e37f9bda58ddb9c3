// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLineEdit;

namespace tg {

/// Asks which page to open for editing (File → Open page…): its address or path, in a field wide
/// enough for an ordinary page address, under a prompt that wraps rather than being cut.
class OpenPageDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OpenPageDialog(QWidget *parent = nullptr);

    /// The address or path as typed (trimmed).
    QString page() const;
    QLineEdit *pageEdit() const { return m_page; }

    /// Shows the dialog modally; the page typed, or an empty string when cancelled.
    static QString ask(QWidget *parent);

private:
    QLineEdit *m_page;
};

} // namespace tg
