// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QSettings;

namespace tg {

/// Which Telegraph server to publish to.
struct ServerChoice
{
    /// "telegra.ph", "graph.org", "te.legra.ph", "custom" or "sandbox".
    QString server = QStringLiteral("telegra.ph");
    QString customUrl; ///< API base URL when server is "custom"
    /// "system", "none" or "http://[user@]host:port" / "socks5://[user@]host:port"; a password
    /// in it is moved to the secret store (see withProxyPasswordStored()).
    QString proxy;
    /// The proxy's password is in the secret store under proxyPasswordKey().
    bool proxyPasswordStored = false;
    bool chosen = false; ///< the first-start choice has been made

    static ServerChoice load(const QSettings &s);
    void save(QSettings &s) const;

    /// The secret store's key of the proxy password.
    static QString proxyPasswordKey() { return QStringLiteral("proxy/password"); }
    /// The password written into `proxy` itself (empty when none).
    QString plainProxyPassword() const;
    /// A copy with the password taken out of `proxy` and proxyPasswordStored set.
    ServerChoice withProxyPasswordStored() const;
    /// Whether the proxy names a user (a stored password belongs to it).
    bool proxyHasUser() const;
};

/// Author name and URL put into every new draft.
struct AuthorDefaults
{
    QString name;
    QString url;

    static AuthorDefaults load(const QSettings &s);
    void save(QSettings &s) const;
    /// These defaults with the non-empty fields of `other` (the current account's) in their place.
    AuthorDefaults overriddenBy(const AuthorDefaults &other) const;
};

} // namespace tg
