// SPDX-License-Identifier: MIT
#pragma once

#include "api/secretstore.h"

#include <QDialog>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QRadioButton;

namespace tg {

/// Asked when no keychain works: keep tokens for this session only, or store them in a file
/// only the user can read (0600). Both choices are spelled out; nothing is chosen silently.
class SecretStoreChoiceDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice
    {
        SessionOnly,
        File
    };

    /// `reason` is the keychain's message; `filePath` the file the second choice would use.
    SecretStoreChoiceDialog(const QString &reason, const QString &filePath,
                            QWidget *parent = nullptr);

    Choice choice() const;
    void setChoice(Choice choice);
    QRadioButton *sessionButton() const { return m_session; }
    QRadioButton *fileButton() const { return m_file; }

private:
    QRadioButton *m_session;
    QRadioButton *m_file;
};

/// Finds where tokens are kept: the OS keychain when it works; otherwise the user's explicit
/// choice between a session-only store and a 0600 file (SecretStoreChoiceDialog). The chosen
/// store is created as a child of this object.
class SecretStoreChoice : public QObject
{
    Q_OBJECT
public:
    /// `keychain` is tried first (not owned; may be null to skip straight to the choice);
    /// `fileDir` is where the 0600 token file would go.
    SecretStoreChoice(SecretStore *keychain, const QString &fileDir, QObject *parent = nullptr);

    /// Shows the choice dialog; tests replace it (return nullopt for "cancel").
    using Asker = std::function<std::optional<SecretStoreChoiceDialog::Choice>(
        const QString &reason, const QString &filePath)>;
    void setAsker(Asker asker) { m_ask = std::move(asker); }

    /// File name of the 0600 token file.
    static QString tokenFileName();

    /// Checks the keychain and, when it does not work, asks; chosen() or declined() follows.
    void resolve(QWidget *dialogParent = nullptr);
    /// The chosen store (null before chosen()).
    SecretStore *store() const { return m_store; }

Q_SIGNALS:
    /// Tokens go to this store from now on.
    void chosen(tg::SecretStore *store);
    /// No keychain and the user chose neither fallback: accounts cannot be saved.
    void declined(const QString &reason);

private:
    void ask(const QString &reason, QWidget *dialogParent);

    SecretStore *m_keychain;
    QString m_fileDir;
    QPointer<SecretStore> m_store;
    Asker m_ask;
};

} // namespace tg
