// SPDX-License-Identifier: MIT
// Fuzzes Find Everywhere's query building with arbitrary bytes read as UTF-8: the MATCH
// expression stays bounded and always runs on a real SQLite FTS5 table without an error, and the
// snippet HTML built from the same text keeps only balanced <b> tags with everything else escaped.
#include "fuzzcheck.h"
#include "storage/searchquery.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace {

QSqlDatabase index()
{
    static int argc = 1;
    static char name[] = "fuzz_search_query";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = new QCoreApplication(argc, argv);
    Q_UNUSED(app);
    static const bool ready = [] {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
        db.setDatabaseName(QStringLiteral(":memory:"));
        QSqlQuery q(db);
        return db.open() &&
               q.exec(QStringLiteral("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='") +
                      tg::SearchQuery::tokenizer() + QStringLiteral("', prefix='2 3')")) &&
               q.exec(QStringLiteral("INSERT INTO t VALUES ('NEAR and OR', 'alpha beta "
                                     "café Привет \"quoted\" * title:x')"));
    }();
    TG_FUZZ_CHECK(ready, "the FTS5 table is created");
    return QSqlDatabase::database();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QString expr = tg::SearchQuery::matchExpression(input);
    TG_FUZZ_CHECK(expr.size() <=
                      tg::SearchQuery::MaxWords * (tg::SearchQuery::MaxWordLength + 3) + 1,
                  "the expression is bounded");
    TG_FUZZ_CHECK(expr.count(QLatin1Char('"')) % 2 == 0, "quotes are balanced");
    if (!expr.isEmpty()) {
        QSqlQuery q(index());
        q.prepare(QStringLiteral("SELECT count(*) FROM t WHERE t MATCH ?"));
        q.addBindValue(expr);
        if (!q.exec()) {
            std::fprintf(stderr, "%s\n", qPrintable(q.lastError().text()));
            TG_FUZZ_CHECK(false, "the expression is valid FTS5 syntax");
        }
    }

    const QString html = tg::SearchQuery::markedToHtml(input);
    QString rest = html;
    const int open = int(rest.count(QStringLiteral("<b>")));
    TG_FUZZ_CHECK(open == int(rest.count(QStringLiteral("</b>"))), "bold tags are balanced");
    rest.remove(QStringLiteral("<b>")).remove(QStringLiteral("</b>"));
    TG_FUZZ_CHECK(!rest.contains(QLatin1Char('<')) && !rest.contains(QLatin1Char('>')),
                  "no other tag");
    int start = -1;
    int length = -1;
    if (tg::SearchQuery::firstMark(input, &start, &length))
        TG_FUZZ_CHECK(start >= 0 && length >= 0 && start + length <= input.size(),
                      "the mark lies in the text");
    return 0;
}
