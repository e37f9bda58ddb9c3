// SPDX-License-Identifier: MIT
#include "cli/cli.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("telegraph"));
    QCoreApplication::setOrganizationName(QStringLiteral("telegraph-desktop"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TG_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return tg::cli::ExitUsage;
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return tg::cli::run(args, out, err, in);
}
