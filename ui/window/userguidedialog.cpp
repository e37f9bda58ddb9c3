// SPDX-License-Identifier: MIT
#include "window/userguidedialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tg {

UserGuideDialog::UserGuideDialog(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("userGuideDialog"));
    setWindowTitle(tr("Telegraph Desktop User Guide"));
    m_browser->setObjectName(QStringLiteral("userGuide"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setMarkdown(guideMarkdown());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(720, 640);
}

QString UserGuideDialog::guideMarkdown()
{
    QFile f(QStringLiteral(":/doc/README.md"));
    if (!f.open(QIODevice::ReadOnly))
        return tr("The user guide is missing from this build.");
    const QString readme = QString::fromUtf8(f.readAll());
    static const QRegularExpression start(QStringLiteral("^## User guide\\s*$"),
                                          QRegularExpression::MultilineOption);
    static const QRegularExpression next(QStringLiteral("^## "),
                                         QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = start.match(readme);
    if (!m.hasMatch())
        return readme;
    const QRegularExpressionMatch end = next.match(readme, m.capturedEnd());
    const qsizetype stop = end.hasMatch() ? end.capturedStart() : readme.size();
    return readme.mid(m.capturedStart(), stop - m.capturedStart()).trimmed();
}

} // namespace tg
