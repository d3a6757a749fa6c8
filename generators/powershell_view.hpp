#pragma once

// Fields every generated PowerShell script's view shares (the header convention of
// docs/powershell.md).

#include <string>
#include <vector>

namespace lynctopo {

struct Plan;

// The product the deployment runs, as the script header names it ("Lync Server 2013").
std::string PowerShellProduct(const Plan* plan);
// Names as the body of a PowerShell array: 'a', 'b' (each one single-quoted literal).
std::string PowerShellList(const std::vector<std::string>& items);

}  // namespace lynctopo
