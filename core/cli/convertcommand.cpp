// SPDX-License-Identifier: MIT
#include "cli.h"

namespace tg::cli {

int runConvert(Context &ctx)
{
    ctx.err << "error: convert is not available yet\n";
    return ExitUsage;
}

} // namespace tg::cli
