// SPDX-License-Identifier: MIT
#pragma once

#include "api/imagehostconfig.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class QSettings;

namespace tg {

class SecretStore;

/// The settings' secrets — image-host header values and credential form fields, the proxy
/// password — kept in the SecretStore; settings.ini holds only storedSecretMarker() in their
/// place.
namespace settingssecrets {

using Secret = ImageHostConfig::PlainSecret;

/// The secrets that `settings` still holds in plain text.
QList<Secret> plainSecrets(const QSettings &settings);

/// Writes each secret and reads it back (blocking, for a dialog's OK); false with the first
/// problem, naming what could not be kept.
bool storeNow(SecretStore *store, const QList<Secret> &secrets, QString *error);

/// Moves the plain secrets of a settings file into the store: each is written, read back and
/// compared, and only then replaced by the marker in the settings (a value that could not be
/// kept stays where it was, and the problem is reported).
class Migration : public QObject
{
    Q_OBJECT
public:
    Migration(QSettings *settings, SecretStore *store, QObject *parent = nullptr);
    /// Starts; finished() follows from the event loop (also when there is nothing to move).
    void start();

Q_SIGNALS:
    /// `moved` secrets are now in the store only; `problems` names those that are not.
    void finished(int moved, const QStringList &problems);

private:
    void next();
    void apply();

    QSettings *m_settings;
    QPointer<SecretStore> m_store;
    QList<Secret> m_pending;
    QList<Secret> m_verified;
    QStringList m_problems;
};

} // namespace settingssecrets

} // namespace tg
