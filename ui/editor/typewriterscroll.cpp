// SPDX-License-Identifier: MIT
#include "editor/typewriterscroll.h"

#include "editor/sourceeditor.h"

#include <QAction>
#include <QGuiApplication>
#include <QSettings>

namespace tg {

namespace {
const QString EnabledKey = QStringLiteral("editor/typewriterScrolling");
} // namespace

TypewriterScroll::TypewriterScroll(SourceEditor *editor, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_settings(settings)
    , m_action(new QAction(tr("&Typewriter Scrolling"), this))
{
    m_action->setObjectName(QStringLiteral("typewriterAction"));
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_action->setToolTip(tr("Keep the line being written in the middle of the editor"));
    connect(m_action, &QAction::toggled, this, &TypewriterScroll::setEnabled);
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, &TypewriterScroll::centre);
    setEnabled(m_settings->value(EnabledKey, false).toBool());
}

void TypewriterScroll::setEnabled(bool enabled)
{
    m_action->setChecked(enabled);
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    m_settings->setValue(EnabledKey, enabled);
    // Scrolling past the end is what lets the last lines reach the middle.
    m_editor->setCenterOnScroll(enabled);
    centre();
}

void TypewriterScroll::centre()
{
    if (!m_enabled || QGuiApplication::mouseButtons() != Qt::NoButton)
        return;
    m_editor->centerCursor();
}

} // namespace tg
