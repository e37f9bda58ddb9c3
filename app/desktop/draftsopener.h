// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

namespace tg {

class DraftStore;

/// Opens the desktop app's drafts database: a damaged one is moved aside (never deleted) and
/// what it still holds recovered into a new one, one with a newer schema is refused untouched.
class DraftsOpener
{
    Q_DECLARE_TR_FUNCTIONS(tg::DraftsOpener)
public:
    /// Opens `path` in `store`; *notice says what was recovered, *error why it cannot be used.
    static bool open(DraftStore *store, const QString &path, QString *notice, QString *error);
};

} // namespace tg
