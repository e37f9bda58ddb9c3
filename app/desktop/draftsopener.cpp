// SPDX-License-Identifier: MIT
#include "desktop/draftsopener.h"

#include "storage/draftdatabase.h"
#include "storage/draftstore.h"
#include "storage/privatefiles.h"

#include <QDateTime>
#include <QDir>

namespace tg {

bool DraftsOpener::open(DraftStore *store, const QString &path, QString *notice, QString *error)
{
    makePrivateFile(path);
    if (store->open(path))
        return true;
    switch (store->openFailure()) {
    case DraftDatabase::OpenFailure::TooNew:
        *error = tr("The drafts database %1 was written by a newer version of Telegraph Desktop "
                    "and this version cannot open it (%2). The file was left unchanged: use the "
                    "newer version, or move the file away to start with an empty one.")
                     .arg(QDir::toNativeSeparators(path), store->lastError());
        return false;
    case DraftDatabase::OpenFailure::Damaged: {
        // A damaged file is kept aside, never deleted: what it still holds is copied out.
        const DraftDatabase::Recovery r =
            DraftDatabase::recover(path, QDateTime::currentDateTime());
        if (!r.ok || !store->open(path)) {
            *error = tr("The drafts database %1 is damaged and could not be replaced: %2")
                         .arg(QDir::toNativeSeparators(path), r.ok ? store->lastError() : r.error);
            return false;
        }
        makePrivateFile(r.movedTo);
        *notice = tr("The drafts database was damaged. It was moved to %1; %n draft(s) were "
                     "recovered from it, with %2 revision(s), into a new database.",
                     nullptr, r.copied.drafts)
                      .arg(QDir::toNativeSeparators(r.movedTo))
                      .arg(r.copied.revisions);
        if (r.copied.skipped > 0)
            *notice += QLatin1Char(' ') +
                       tr("%n damaged row(s) could not be read.", nullptr, r.copied.skipped);
        return true;
    }
    case DraftDatabase::OpenFailure::None:
    case DraftDatabase::OpenFailure::Other:
        break;
    }
    *error = tr("Cannot open the drafts database %1: %2").arg(path, store->lastError());
    return false;
}

} // namespace tg
