// SPDX-License-Identifier: MIT
#include "workflow/templatestore.h"

#include "storage/draftdatabase.h"
#include "storage/draftstore.h"
#include "workflow/contentconverter.h"

#include <QFile>
#include <QUuid>

#include <algorithm>

// Resources of a static library must be registered explicitly (outside any namespace).
static void initTemplateResources()
{
    Q_INIT_RESOURCE(templates);
}

namespace tg {

namespace {

constexpr QLatin1String BuiltInPrefix("builtin:");

QString readResource(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.read(TemplateStore::MaxSourceBytes));
}

DraftTemplate fromStored(const StoredTemplate &s)
{
    DraftTemplate t;
    t.id = s.id;
    t.name = s.name;
    t.title = s.title;
    t.body = s.body;
    t.format = s.format;
    return t;
}

} // namespace

TemplateStore::TemplateStore(DraftStore *store)
    : m_store(store)
{
    initTemplateResources();
}

QList<DraftTemplate> TemplateStore::builtIns()
{
    initTemplateResources();
    struct Entry
    {
        const char *file;
        QString name;
        QString description;
    };
    const Entry entries[] = {
        {"article", tr("Article"),
         tr("A lead paragraph, sections with headings, a list and a quotation.")},
        {"announcement", tr("Announcement"),
         tr("What is happening, what changes, when and where, and what to do.")},
        {"changelog", tr("Changelog"),
         tr("A release's new features, improvements, fixes and upgrade notes.")},
    };
    QList<DraftTemplate> out;
    for (const Entry &e : entries) {
        DraftTemplate t;
        t.id = BuiltInPrefix + QLatin1String(e.file);
        t.name = e.name;
        t.description = e.description;
        t.body = readResource(QStringLiteral(":/templates/%1.md").arg(QLatin1String(e.file)));
        t.format = DraftFormat::Markdown;
        t.builtIn = true;
        out.append(t);
    }
    return out;
}

QList<DraftTemplate> TemplateStore::templates() const
{
    QList<DraftTemplate> out = builtIns();
    if (!m_store)
        return out;
    QList<StoredTemplate> stored;
    // Rows that do not fit the limits (another build, a damaged file) are left out.
    m_store->run([&](DraftDatabase &db) { stored = db.templates(MaxTemplates, MaxSourceBytes); });
    for (const StoredTemplate &s : std::as_const(stored))
        out.append(fromStored(s));
    return out;
}

std::optional<DraftTemplate> TemplateStore::find(const QString &id) const
{
    for (const DraftTemplate &t : templates()) {
        if (t.id == id)
            return t;
    }
    return std::nullopt;
}

QString TemplateStore::checkName(const QString &name, const QString &exceptId) const
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return tr("The template needs a name.");
    if (n.size() > MaxNameChars)
        return tr("The template name is too long: %1 characters, at most %2.")
            .arg(n.size())
            .arg(MaxNameChars);
    const bool control = std::any_of(n.cbegin(), n.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
               c == QChar::LineSeparator || c == QChar::ParagraphSeparator;
    });
    if (control)
        return tr("The template name may not contain line breaks or control characters.");
    for (const DraftTemplate &t : templates()) {
        if (t.id != exceptId && t.name.compare(n, Qt::CaseInsensitive) == 0)
            return tr("A template named “%1” exists already.").arg(t.name);
    }
    return {};
}

QString TemplateStore::checkText(const QString &body, DraftFormat format)
{
    // UTF-8 takes at least one byte per UTF-16 unit: longer strings are over without counting.
    const qsizetype bytes = body.size() > MaxSourceBytes ? body.size() : body.toUtf8().size();
    if (bytes > MaxSourceBytes)
        return tr("The text is too long for a template: %1 KiB, at most %2 KiB.")
            .arg((bytes + 1023) / 1024)
            .arg(MaxSourceBytes / 1024);
    if (body.trimmed().isEmpty())
        return tr("The draft has no text to keep as a template.");
    ConversionInput in;
    in.title = QStringLiteral("Template");
    in.body = body;
    in.format = format;
    const ConversionResult converted = convertContent(in);
    if (converted.bytes > contentLimitBytes())
        return tr("The text is too long for a template: its page content takes %1 KiB, a page "
                  "holds at most %2 KiB.")
            .arg((converted.bytes + 1023) / 1024)
            .arg(contentLimitBytes() / 1024);
    return {};
}

std::optional<DraftTemplate> TemplateStore::saveDraft(const Draft &draft, const QString &name,
                                                      QString *error) const
{
    auto fail = [error](const QString &message) -> std::optional<DraftTemplate> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!m_store)
        return fail(tr("Templates cannot be saved: the drafts database is not open."));
    QString problem = checkName(name);
    if (problem.isEmpty())
        problem = checkText(draft.body, draft.format);
    if (!problem.isEmpty())
        return fail(problem);
    if (templates().size() - builtIns().size() >= MaxTemplates)
        return fail(tr("There are %1 templates already, the most there can be: delete one "
                       "first.")
                        .arg(MaxTemplates));
    StoredTemplate s;
    s.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    s.name = name.trimmed();
    s.title = draft.title.left(256); // a page title has at most 256 characters
    s.body = draft.body;
    s.format = draft.format;
    s.created = QDateTime::currentDateTimeUtc();
    bool ok = false;
    QString dbError;
    m_store->run([&](DraftDatabase &db) {
        ok = db.saveTemplate(s);
        dbError = db.lastError();
    });
    if (!ok)
        return fail(tr("The template could not be saved: %1").arg(dbError));
    return fromStored(s);
}

bool TemplateStore::rename(const QString &id, const QString &name, QString *error) const
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (id.startsWith(BuiltInPrefix))
        return fail(tr("Built-in templates cannot be renamed."));
    if (!m_store)
        return fail(tr("Templates cannot be changed: the drafts database is not open."));
    const QString problem = checkName(name, id);
    if (!problem.isEmpty())
        return fail(problem);
    bool ok = false;
    QString dbError;
    m_store->run([&](DraftDatabase &db) {
        ok = db.renameTemplate(id, name.trimmed());
        dbError = db.lastError();
    });
    return ok || fail(tr("The template could not be renamed: %1").arg(dbError));
}

bool TemplateStore::remove(const QString &id, QString *error) const
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (id.startsWith(BuiltInPrefix))
        return fail(tr("Built-in templates cannot be deleted."));
    if (!m_store)
        return fail(tr("Templates cannot be changed: the drafts database is not open."));
    bool ok = false;
    QString dbError;
    m_store->run([&](DraftDatabase &db) {
        ok = db.removeTemplate(id);
        dbError = db.lastError();
    });
    return ok || fail(tr("The template could not be deleted: %1").arg(dbError));
}

Draft TemplateStore::newDraft(const DraftTemplate &t)
{
    Draft d = Draft::create(t.format);
    d.title = t.title;
    d.body = t.body;
    return d;
}

} // namespace tg
