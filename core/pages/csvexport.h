// SPDX-License-Identifier: MIT
#pragma once

#include "api/apitypes.h"
#include "pages/viewseries.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace tg::csv {

/// One field quoted as RFC 4180 asks: in double quotes (inner quotes doubled) when it holds a
/// comma, quote, CR or LF, or leading/trailing spaces. Fields starting with = + - @ get a leading
/// apostrophe so spreadsheet programs do not run them as formulas.
QString field(const QString &value);
/// One CSV record of fields, ended by CRLF.
QString record(const QStringList &fields);

/// The views of a page: header "bucket,start_utc,views", one row per bucket, then "total".
/// UTF-8 with CRLF line ends.
QByteArray viewSeries(const ViewSeries &series);
/// Pages with their views: "title,path,url,views,description".
QByteArray pages(const QList<Page> &pages);

/// Splits CSV text into records of fields (quoted fields, doubled quotes, CRLF or LF).
/// For reading back what we wrote (tests, re-import); not a general CSV reader.
QList<QStringList> parse(const QString &text);

} // namespace tg::csv
