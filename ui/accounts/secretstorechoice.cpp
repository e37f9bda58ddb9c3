// SPDX-License-Identifier: MIT
#include "accounts/secretstorechoice.h"

#include "api/accountstore.h"
#include "api/filesecretstore.h"
#include "api/memorysecretstore.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace tg {

SecretStoreChoiceDialog::SecretStoreChoiceDialog(const QString &reason, const QString &filePath,
                                                 QWidget *parent)
    : QDialog(parent)
    , m_session(new QRadioButton(tr("Keep tokens for this session only (they are forgotten "
                                    "when the app quits)"),
                                 this))
    , m_file(new QRadioButton(
          tr("Store tokens in a file readable only by me (0600), not encrypted:\n%1").arg(filePath),
          this))
{
    setWindowTitle(tr("No Keychain Available"));
    auto *text = new QLabel(tr("The system keychain cannot store your Telegraph access tokens "
                               "(%1). Choose how to keep them:")
                                .arg(reason),
                            this);
    text->setWordWrap(true);
    m_session->setChecked(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_session);
    layout->addWidget(m_file);
    layout->addWidget(buttons);
}

SecretStoreChoiceDialog::Choice SecretStoreChoiceDialog::choice() const
{
    return m_file->isChecked() ? Choice::File : Choice::SessionOnly;
}

void SecretStoreChoiceDialog::setChoice(Choice choice)
{
    (choice == Choice::File ? m_file : m_session)->setChecked(true);
}

SecretStoreChoice::SecretStoreChoice(SecretStore *keychain, const QString &fileDir, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_fileDir(fileDir)
{}

QString SecretStoreChoice::tokenFileName()
{
    return AccountStore::tokenFileName();
}

void SecretStoreChoice::resolve(QWidget *dialogParent)
{
    if (!m_keychain) {
        ask(tr("no keychain configured"), dialogParent);
        return;
    }
    QPointer<QWidget> parent = dialogParent;
    m_keychain->checkAvailable([this, parent](const SecretStore::Result &r) {
        if (r.ok()) {
            m_store = m_keychain;
            Q_EMIT chosen(m_keychain);
            return;
        }
        ask(r.message.isEmpty() ? tr("no Secret Service is running") : r.message, parent);
    });
}

void SecretStoreChoice::ask(const QString &reason, QWidget *dialogParent)
{
    const QString file = QDir(m_fileDir).filePath(tokenFileName());
    std::optional<SecretStoreChoiceDialog::Choice> choice;
    if (m_ask) {
        choice = m_ask(reason, file);
    } else {
        SecretStoreChoiceDialog dialog(reason, file, dialogParent);
        if (dialog.exec() == QDialog::Accepted)
            choice = dialog.choice();
    }
    if (!choice) {
        Q_EMIT declined(reason);
        return;
    }
    if (*choice == SecretStoreChoiceDialog::Choice::File)
        m_store = new FileSecretStore(file, this);
    else
        m_store = new MemorySecretStore(this);
    Q_EMIT chosen(m_store);
}

} // namespace tg
