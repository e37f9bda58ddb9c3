// SPDX-License-Identifier: MIT
#include "accounts/accountdialog.h"

#include "api/accountstore.h"
#include "window/dialogsize.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

namespace tg {

AccountDialog::AccountDialog(Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_name(new QLineEdit(this))
    , m_shortName(new QLineEdit(this))
    , m_authorName(new QLineEdit(this))
    , m_authorUrl(new QLineEdit(this))
    , m_token(new QLineEdit(this))
{
    setWindowTitle(mode == Mode::Create   ? tr("New Telegraph Account")
                   : mode == Mode::Import ? tr("Import Account")
                                          : tr("Edit Account"));
    m_name->setPlaceholderText(tr("e.g. blog (letters, digits, . _ -)"));
    m_shortName->setMaxLength(32);
    m_authorName->setMaxLength(128);
    m_authorUrl->setMaxLength(512);
    m_token->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name in this app:"), m_name);
    if (mode == Mode::Import) {
        form->addRow(tr("Access &token:"), m_token);
        m_shortName->hide();
        m_authorName->hide();
        m_authorUrl->hide();
    } else {
        form->addRow(tr("&Short name:"), m_shortName);
        form->addRow(tr("&Author name:"), m_authorName);
        form->addRow(tr("Author &URL:"), m_authorUrl);
        m_token->hide();
    }
    if (mode == Mode::Edit)
        m_name->setReadOnly(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *e : {m_name, m_shortName, m_token})
        connect(e, &QLineEdit::textChanged, this, &AccountDialog::updateOk);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    // The example of a name is shown whole, and the dialog is wide enough for it and its labels.
    fitLineEditTo(m_name, m_name->placeholderText());
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    fitDialogToText(this, 50);
    updateOk();
}

QString AccountDialog::name() const
{
    return m_name->text().trimmed();
}
QString AccountDialog::shortName() const
{
    return m_shortName->text().trimmed();
}
QString AccountDialog::authorName() const
{
    return m_authorName->text().trimmed();
}
QString AccountDialog::authorUrl() const
{
    return m_authorUrl->text().trimmed();
}
QString AccountDialog::token() const
{
    return m_token->text().trimmed();
}

void AccountDialog::setValues(const QString &name, const QString &shortName,
                              const QString &authorName, const QString &authorUrl)
{
    m_name->setText(name);
    m_shortName->setText(shortName);
    m_authorName->setText(authorName);
    m_authorUrl->setText(authorUrl);
}

void AccountDialog::updateOk()
{
    bool ok = AccountStore::isValidName(name());
    if (m_mode == Mode::Import)
        ok = ok && !token().isEmpty();
    else
        ok = ok && !shortName().isEmpty();
    m_ok->setEnabled(ok);
}

} // namespace tg
