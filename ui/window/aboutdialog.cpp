// SPDX-License-Identifier: MIT
#include "window/aboutdialog.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QUrl>
#include <QVBoxLayout>

namespace tg {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Telegraph Desktop"));
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/telegraph-desktop.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignHCenter);
    const QString project = projectUrl().toString();
    const QString readme = project + QStringLiteral("#readme");
    m_text->setObjectName(QStringLiteral("aboutText"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setOpenExternalLinks(true);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignHCenter);
    m_text->setText(
        QStringLiteral("<h2>%1</h2><p>%2</p><p>%3</p><p>%4</p><p><a href=\"%5\">%6</a> · "
                       "<a href=\"%7\">%8</a></p>")
            .arg(tr("Telegraph Desktop"), tr("Version %1").arg(version()),
                 tr("Write, preview and publish pages on Telegraph."),
                 tr("Free software under the MIT licence."), project, tr("Project page"), readme,
                 tr("README and user guide")));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(icon);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
}

QString AboutDialog::version()
{
    return QStringLiteral(TG_VERSION);
}

QUrl AboutDialog::projectUrl()
{
    return QUrl(QStringLiteral("https://github.com/telegraph-desktop/telegraph-desktop"));
}

QString AboutDialog::text() const
{
    return m_text->text();
}

} // namespace tg
