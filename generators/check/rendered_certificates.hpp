#pragma once

// Readers of the certificate artifacts the proof reads back besides certificates.json and the
// OpenSSL configurations: the certificates.csv table and the requests that
// request-certificates.ps1 makes. Each returns what the file says, with its line.

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace lynctopo::rendered {

struct CertificateMention {
  std::string id;
  std::string subject;
  // request-certificates.ps1 only (certificates.csv's are in its fields, see CsvListNames):
  // Views into the NamePool the steps were read with: a pool's names are on each of its
  // servers' certificates, and a copy per step and server was the proof's largest allocation.
  std::vector<std::string_view> names;  // SANs, sorted, lower-case
  std::vector<std::string_view> hosts;  // where it is requested, sorted, lower-case
  unsigned line = 0;
  // request-certificates.ps1 only: which step ("Request", "Import" or "Set"), and whether the
  // assignment is global (one certificate for every Front End, as OAuth's).
  std::string step;
  bool global = false;
  // certificates.csv only: the sans and install_on fields as written (';'-joined, in order),
  // lower-case, since a free-text proxy name may itself hold a ';'.
  std::string sans_field, install_on_field;
  // request-certificates.ps1 only: `names` is empty because the step before this one for the
  // same certificate had the same names (a certificate is requested, imported and assigned on
  // several servers with one list; holding a copy per step was most of the proof's memory).
  bool names_as_before = false;
};

// One per row of certificates.csv (columns found by the header: id, subject, sans,
// install_on; lists separated by ';'). False with `error` when a column is missing.
// `passed`, when set, is told after each row how far into `csv` the reading is.
bool CsvCertificates(std::string_view csv, std::vector<CertificateMention>& out, std::string& error,
                     const std::function<void(size_t offset)>& passed = {});
// The names of one of its list fields, lower-case and sorted (for a message saying how a row
// differs).
std::vector<std::string> CsvListNames(const std::string& field);

// Each distinct text once; the views it hands out live as long as the pool.
class NamePool {
 public:
  std::string_view Intern(std::string text) { return *texts_.insert(std::move(text)).first; }

 private:
  std::unordered_set<std::string> texts_;  // nodes do not move, nor do their strings' bytes
};

// One per `Request-PlannedCertificate`, `Import-PlannedCertificate` or `Set-PlannedCertificate`
// call (`-Id '…' -Subject '…' -Names @('…', …)`) of request-certificates.ps1, with the computer
// of the `if ($ComputerFqdn -eq '…')` block it is in as its only host.
// Names and hosts are views into `pool`.
std::vector<CertificateMention> ScriptCertificateSteps(std::string_view script, NamePool& pool);
// The same steps one at a time, none kept, each with its own names (names_as_before is never
// set). `passed`, when set, is told after each line how far into `script` the reading is (the
// proof gives the pages behind back to the kernel).
void ForEachScriptCertificateStep(std::string_view script, NamePool& pool,
                                  const std::function<void(const CertificateMention&)>& each,
                                  const std::function<void(size_t offset)>& passed = {});

}  // namespace lynctopo::rendered
