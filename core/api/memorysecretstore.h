// SPDX-License-Identifier: MIT
#pragma once

#include "api/secretstore.h"

#include <QHash>

namespace tg {

/// Keeps secrets in memory for this session only (nothing touches the disk).
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject *parent = nullptr);

    QString backendName() const override { return QStringLiteral("memory"); }
    bool isPersistent() const override { return false; }
    void readSecret(const QString &key, Callback callback) override;
    void writeSecret(const QString &key, const QString &secret, Callback callback) override;
    void removeSecret(const QString &key, Callback callback) override;
    void checkAvailable(Callback callback) override;

private:
    QHash<QString, QString> m_secrets;
};

} // namespace tg
