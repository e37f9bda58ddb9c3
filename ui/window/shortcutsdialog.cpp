// SPDX-License-Identifier: MIT
#include "window/shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tg {

namespace {

QString plain(QString text)
{
    // "&Save" → "Save", "Save &&Quit" → "Save &Quit"; "…" stays.
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

struct Row
{
    QString menu;
    QAction *action;
};

void collect(const QString &menuTitle, const QList<QAction *> &actions, QList<Row> &rows,
             QSet<QAction *> &seen)
{
    for (QAction *a : actions) {
        if (a->menu()) {
            collect(plain(a->menu()->title()), a->menu()->actions(), rows, seen);
            continue;
        }
        if (a->isSeparator() || a->shortcuts().isEmpty() || seen.contains(a))
            continue;
        seen.insert(a);
        rows.append({menuTitle, a});
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    QList<Row> rows;
    QSet<QAction *> seen;
    // The menus first, in the menu bar's order, then any other action with keys.
    if (auto *bar = window->findChild<QMenuBar *>(QString(), Qt::FindDirectChildrenOnly)) {
        for (QAction *menu : bar->actions()) {
            if (menu->menu())
                collect(plain(menu->menu()->title()), menu->menu()->actions(), rows, seen);
        }
    }
    QList<QAction *> others = window->findChildren<QAction *>();
    others += window->actions();
    collect(QString(), others, rows, seen);

    m_table->setObjectName(QStringLiteral("shortcutsTable"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Menu"), tr("Action"), tr("Shortcut")});
    m_table->setRowCount(int(rows.size()));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    for (int i = 0; i < rows.size(); ++i) {
        QAction *a = rows[i].action;
        m_actions.append(a);
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys.append(k.toString(QKeySequence::NativeText));
        m_table->setItem(i, 0, new QTableWidgetItem(rows[i].menu));
        m_table->setItem(i, 1, new QTableWidgetItem(plain(a->text())));
        auto *key = new QTableWidgetItem(keys.join(QStringLiteral(", ")));
        key->setData(Qt::UserRole, a->shortcut().toString(QKeySequence::PortableText));
        m_table->setItem(i, 2, key);
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(560, 520);
}

} // namespace tg
