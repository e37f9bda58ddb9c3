// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLabel;

namespace tg {

/// Help → About: the app's name, the version it was built as, its licence (MIT) and links to the
/// project and its README.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /// The version compiled into the app (the project's version).
    static QString version();
    /// The project's home page.
    static QUrl projectUrl();
    /// The text shown (rich text with the links).
    QString text() const;

private:
    QLabel *m_text = nullptr;
};

} // namespace tg
