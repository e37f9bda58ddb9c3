// SPDX-License-Identifier: MIT
#include "window/messagearea.h"

#include "window/linkopener.h"
#include "window/validationtext.h"
#include "workflow/publishflow.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace tg {

namespace {
int nextMessageId()
{
    static int id = 0;
    return ++id;
}
} // namespace

MessageLine::MessageLine(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_copy(new QToolButton(this))
    , m_open(new QToolButton(this))
    , m_action(new QToolButton(this))
    , m_cancel(new QToolButton(this))
    , m_close(new QToolButton(this))
{
    m_label->setObjectName(QStringLiteral("publishStatus"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setWordWrap(true);
    m_copy->setText(tr("Copy link"));
    m_open->setText(tr("Open in browser"));
    m_action->setObjectName(QStringLiteral("messageAction"));
    m_action->setAccessibleName(tr("Act on the message"));
    m_action->hide();
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_close->setText(QStringLiteral("×"));
    m_close->setAccessibleName(tr("Dismiss the message"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_copy);
    layout->addWidget(m_open);
    layout->addWidget(m_action);
    layout->addWidget(m_cancel);
    layout->addWidget(m_close);
    connect(m_copy, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_url); });
    connect(m_open, &QToolButton::clicked, this, [this] { LinkOpener::open(QUrl(m_url), this); });
    connect(m_action, &QToolButton::clicked, this, [this] {
        const std::function<void()> run = m_run;
        dismiss();
        if (run)
            run();
    });
    connect(m_cancel, &QToolButton::clicked, this, &MessageLine::cancelRequested);
    connect(m_close, &QToolButton::clicked, this, &MessageLine::dismiss);
    hide();
}

void MessageLine::dismiss()
{
    m_run = nullptr;
    m_action->hide();
    hide();
    Q_EMIT dismissed();
}

void MessageLine::showRunning(const QString &text, bool cancellable)
{
    m_id = nextMessageId();
    m_running = true;
    m_error = false;
    m_run = nullptr;
    m_action->hide();
    m_url.clear();
    m_label->setText(text);
    m_label->setStyleSheet(QString());
    m_copy->hide();
    m_open->hide();
    m_cancel->setVisible(cancellable);
    m_close->hide();
    show();
    Q_EMIT changed();
}

void MessageLine::showDone(const QString &text, bool error, const QString &url,
                           const MessageAction &action)
{
    m_id = nextMessageId();
    m_running = false;
    m_error = error;
    m_run = action.run;
    if (action.isValid()) {
        m_action->setText(action.text);
        m_action->setAccessibleName(action.text);
    }
    m_action->setVisible(action.isValid());
    m_url = url;
    m_label->setText(text);
    m_label->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
    m_copy->setVisible(!url.isEmpty());
    m_open->setVisible(!url.isEmpty());
    m_cancel->hide();
    m_close->show();
    show();
    Q_EMIT changed();
}

QString MessageLine::text() const
{
    return m_label->text();
}

MessageArea::MessageArea(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("publishBar"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
    hide();
}

MessageLine *MessageArea::addLine()
{
    auto *line = new MessageLine(this);
    m_layout->addWidget(line);
    connect(line, &MessageLine::changed, this, [this, line] {
        m_latest = line;
        updateVisibility();
    });
    connect(line, &MessageLine::dismissed, this, &MessageArea::updateVisibility);
    return line;
}

void MessageArea::updateVisibility()
{
    bool any = false;
    for (MessageLine *line : findChildren<MessageLine *>(Qt::FindDirectChildrenOnly))
        any = any || !line->isHidden();
    setVisible(any);
}

void MessageArea::track(PublishFlow *flow, MessageScope scope, const QString &key)
{
    if (!flow || m_lines.contains(flow))
        return;
    MessageLine *line = addLine();
    line->setScope(scope);
    line->setProperty("messageKey", key);
    line->setObjectName(flow->metaObject()->className());
    line->cancelButton()->setAccessibleName(tr("Cancel: %1").arg(flow->title()));
    m_lines.insert(flow, line);
    connect(line, &MessageLine::cancelRequested, flow, &PublishFlow::cancel);
    connect(flow, &PublishFlow::started, line,
            [line, flow] { line->showRunning(flow->title() + QStringLiteral("…"), true); });
    connect(flow, &PublishFlow::progress, line,
            [line](const QString &text) { line->showRunning(text, true); });
    connect(flow, &PublishFlow::floodCountdown, line, [line](int seconds) {
        if (seconds > 0)
            line->showRunning(tr("Telegraph asks to wait: going on in %n second(s). You can keep "
                                 "writing.",
                                 nullptr, seconds),
                              true);
    });
    connect(flow, &PublishFlow::finished, line, [this, line](const PublishResult &r) {
        // A refusal by a page check is worded in the window's language, not the core's English.
        const QString text =
            !r.ok && r.validationCode >= 0
                ? tr("Not published: %1")
                      .arg(ValidationText::text(ValidationIssue::Code(r.validationCode),
                                                r.validationArgs))
                : r.message;
        // A private link whose title is not set yet has its page: its link is offered too.
        line->showDone(text, !r.ok, r.ok || r.titlePending ? r.url : QString());
        Q_EMIT flowFinished(r);
    });
    connect(flow, &QObject::destroyed, this, [this, flow, line] {
        m_lines.remove(flow);
        delete line;
        updateVisibility();
    });
}

MessageLine *MessageArea::generalLine()
{
    if (!m_general)
        m_general = addLine();
    return m_general;
}

int MessageArea::showMessage(const QString &message, bool error)
{
    MessageLine *line = generalLine();
    line->showDone(message, error);
    return line->messageId();
}

int MessageArea::showMessage(const QString &message, bool error, MessageScope scope,
                             const QString &key, const MessageAction &action)
{
    if (scope == MessageScope::Global && key.isEmpty() && !action.isValid())
        return showMessage(message, error);
    const QString id = QString::number(int(scope)) + QLatin1Char('/') + key;
    MessageLine *line = m_keyed.value(id);
    if (!line) {
        line = addLine();
        line->setScope(scope);
        line->setProperty("messageKey", key);
        m_keyed.insert(id, line);
    }
    line->showDone(message, error, {}, action);
    return line->messageId();
}

void MessageArea::clearMessage(int id)
{
    if (MessageLine *line = lineOfMessage(id))
        line->dismiss();
}

void MessageArea::clearScope(MessageScope scope)
{
    for (MessageLine *line : findChildren<MessageLine *>(Qt::FindDirectChildrenOnly)) {
        if (line->scope() == scope && !line->isRunning() && !line->isHidden())
            line->dismiss();
    }
}

void MessageArea::clearMessages(MessageScope scope, const QString &key, const MessageLine *keep)
{
    for (MessageLine *line : findChildren<MessageLine *>(Qt::FindDirectChildrenOnly)) {
        if (line != keep && line->scope() == scope && !line->isRunning() && !line->isHidden() &&
            line->property("messageKey").toString() == key)
            line->dismiss();
    }
}

MessageLine *MessageArea::lineOfMessage(int id) const
{
    for (MessageLine *line : findChildren<MessageLine *>(Qt::FindDirectChildrenOnly)) {
        if (line->messageId() == id && !line->isHidden())
            return line;
    }
    return nullptr;
}

QList<MessageLine *> MessageArea::visibleLines() const
{
    QList<MessageLine *> out;
    for (int i = 0; i < m_layout->count(); ++i) {
        auto *line = qobject_cast<MessageLine *>(m_layout->itemAt(i)->widget());
        if (line && !line->isHidden())
            out.append(line);
    }
    return out;
}

QString MessageArea::text() const
{
    return m_latest && !m_latest->isHidden() ? m_latest->text() : QString();
}

QString MessageArea::url() const
{
    return m_latest && !m_latest->isHidden() ? m_latest->url() : QString();
}

MessageLine *MessageArea::lineOf(const PublishFlow *flow) const
{
    return m_lines.value(flow);
}

} // namespace tg
