// SPDX-License-Identifier: MIT
#pragma once

#include "api/secretstore.h"

#include <QJsonObject>

namespace tg {

/// Keeps secrets in plain text in a JSON file readable only by the user (mode 0600), written
/// atomically. Only for an explicit opt-in (e.g. --insecure-store) where no keychain works.
class FileSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit FileSecretStore(const QString &filePath, QObject *parent = nullptr);

    QString backendName() const override { return QStringLiteral("file"); }
    bool isPersistent() const override { return true; }
    QString filePath() const { return m_path; }

    void readSecret(const QString &key, Callback callback) override;
    void writeSecret(const QString &key, const QString &secret, Callback callback) override;
    void removeSecret(const QString &key, Callback callback) override;
    void checkAvailable(Callback callback) override;

private:
    bool load(QJsonObject &out, QString *error) const;
    bool save(const QJsonObject &secrets, QString *error) const;

    QString m_path;
};

} // namespace tg
