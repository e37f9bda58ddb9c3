// SPDX-License-Identifier: MIT
#include "window/publishbar.h"

#include "workflow/publisher.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QUrl>

namespace tg {

PublishBar::PublishBar(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_copy(new QToolButton(this))
    , m_open(new QToolButton(this))
    , m_cancel(new QToolButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("publishBar"));
    m_label->setObjectName(QStringLiteral("publishStatus"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setWordWrap(true);
    m_copy->setText(tr("Copy link"));
    m_open->setText(tr("Open in browser"));
    m_cancel->setText(tr("Cancel"));
    m_close->setText(QStringLiteral("×"));
    m_close->setAccessibleName(tr("Close"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_copy);
    layout->addWidget(m_open);
    layout->addWidget(m_cancel);
    layout->addWidget(m_close);
    connect(m_copy, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_url); });
    connect(m_open, &QToolButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl(m_url)); });
    connect(m_cancel, &QToolButton::clicked, this, &PublishBar::cancelRequested);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void PublishBar::showProgress(const QString &message)
{
    m_url.clear();
    m_label->setText(message);
    m_copy->hide();
    m_open->hide();
    m_cancel->show();
    show();
}

void PublishBar::showFloodWait(int secondsLeft)
{
    showProgress(tr("Telegraph asks to wait: publishing in %n second(s). You can keep writing.",
                    nullptr, secondsLeft));
}

void PublishBar::showOutcome(const PublishOutcome &o)
{
    m_cancel->hide();
    if (o.ok) {
        m_url = o.url;
        // Readable for non-Latin titles (the link copied stays exactly the server's).
        m_label->setText(tr("Published: %1").arg(QUrl(o.url).toDisplayString()));
        m_copy->show();
        m_open->show();
    } else {
        showMessage(o.error, true);
        return;
    }
    m_label->setStyleSheet(QString());
    show();
}

void PublishBar::showMessage(const QString &message, bool error)
{
    m_url.clear();
    m_label->setText(message);
    m_label->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
    m_copy->hide();
    m_open->hide();
    m_cancel->hide();
    show();
}

QString PublishBar::text() const
{
    return m_label->text();
}

} // namespace tg
