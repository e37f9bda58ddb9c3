// SPDX-License-Identifier: MIT
#include "editor/findbar.h"

#include "editor/sourceeditor.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tg {

FindBar::FindBar(SourceEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_case(new QCheckBox(tr("Match case"), this))
    , m_status(new QLabel(this))
    , m_replaceRow(new QWidget(this))
{
    setObjectName(QStringLiteral("findBar"));
    m_find->setPlaceholderText(tr("Find"));
    m_find->setAccessibleName(tr("Find"));
    m_replace->setPlaceholderText(tr("Replace with"));
    m_replace->setAccessibleName(tr("Replace with"));
    auto *next = new QPushButton(tr("Next"), this);
    auto *prev = new QPushButton(tr("Previous"), this);
    auto *replaceOne = new QPushButton(tr("Replace"), m_replaceRow);
    auto *replaceAllButton = new QPushButton(tr("Replace all"), m_replaceRow);
    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_find, 1);
    findRow->addWidget(prev);
    findRow->addWidget(next);
    findRow->addWidget(m_case);
    findRow->addWidget(m_status);
    auto *replaceRow = new QHBoxLayout(m_replaceRow);
    replaceRow->setContentsMargins(0, 0, 0, 0);
    replaceRow->addWidget(m_replace, 1);
    replaceRow->addWidget(replaceOne);
    replaceRow->addWidget(replaceAllButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addLayout(findRow);
    layout->addWidget(m_replaceRow);
    connect(m_find, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(next, &QPushButton::clicked, this, &FindBar::findNext);
    connect(prev, &QPushButton::clicked, this, &FindBar::findPrevious);
    connect(replaceOne, &QPushButton::clicked, this, [this] {
        QTextCursor c = m_editor->textCursor();
        if (c.hasSelection() &&
            c.selectedText().compare(
                m_find->text(), m_case->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive) == 0)
            c.insertText(m_replace->text());
        findNext();
    });
    connect(replaceAllButton, &QPushButton::clicked, this, &FindBar::replaceAll);
    hide();
}

void FindBar::activate(bool withReplace)
{
    m_replaceRow->setVisible(withReplace);
    show();
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_find->setText(selected);
    m_find->setFocus();
    m_find->selectAll();
}

void FindBar::findNext()
{
    const bool found = m_editor->find(m_find->text(), false, m_case->isChecked());
    m_status->setText(found ? QString() : tr("Not found"));
}

void FindBar::findPrevious()
{
    const bool found = m_editor->find(m_find->text(), true, m_case->isChecked());
    m_status->setText(found ? QString() : tr("Not found"));
}

int FindBar::replaceAll()
{
    const int n = m_editor->replaceAll(m_find->text(), m_replace->text(), m_case->isChecked());
    m_status->setText(tr("%n replaced", nullptr, n));
    return n;
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_editor->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace tg
