// SPDX-License-Identifier: MIT
#include "window/openpagedialog.h"

#include "window/dialogsize.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tg {

OpenPageDialog::OpenPageDialog(QWidget *parent)
    : QDialog(parent)
    , m_page(new QLineEdit(this))
{
    // The window's strings, with their translations, from when the menu asked for the page.
    setWindowTitle(QCoreApplication::translate("tg::MainWindow", "Open page"));
    auto *prompt =
        new QLabel(QCoreApplication::translate("tg::MainWindow", "Page URL or path:"), this);
    prompt->setWordWrap(true);
    prompt->setBuddy(m_page);
    const QString example = QStringLiteral("https://telegra.ph/Sample-Page-12-15");
    m_page->setPlaceholderText(example);
    m_page->setAccessibleName(prompt->text());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_page, &QLineEdit::textChanged, ok, [this, ok] { ok->setEnabled(!page().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(prompt);
    layout->addWidget(m_page);
    layout->addWidget(buttons);
    // A page address is often longer than the example: room for half as much again.
    fitLineEditTo(m_page, example + example.left(example.size() / 2));
    fitDialogToText(this, 50);
}

QString OpenPageDialog::page() const
{
    return m_page->text().trimmed();
}

QString OpenPageDialog::ask(QWidget *parent)
{
    OpenPageDialog dialog(parent);
    return dialog.exec() == QDialog::Accepted ? dialog.page() : QString();
}

} // namespace tg
