#include "roilens/io/json_records.hpp"

#include <gtest/gtest.h>

namespace roilens::io {
namespace {

using Fields = std::vector<std::string>;

TEST(JsonRecordsTest, ArrayOfObjectsWithUnionHeaderInFirstSeenOrder) {
  const auto result = readJsonRecords(R"([
    {"email": "a@x.io", "amount": 12, "paid": true},
    {"amount": 12.5, "email": "b@x.io", "refund": null, "country": "FR"}
  ])");
  ASSERT_TRUE(result.ok());
  const std::vector<CsvRecord>& records = result.value().records;
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"email", "amount", "paid", "refund", "country"}));
  EXPECT_EQ(records[1].fields, (Fields{"a@x.io", "12", "true", "", ""}));
  EXPECT_EQ(records[2].fields, (Fields{"b@x.io", "12.5", "", "", "FR"}));
  EXPECT_EQ(records[1].line, 1u);  // element number
  EXPECT_EQ(records[2].line, 2u);
  EXPECT_TRUE(result.value().line_errors.empty());
}

TEST(JsonRecordsTest, NumbersArePrintedWithoutLoss) {
  const auto result = readJsonRecords(
      R"([{"i": 9007199254740993, "n": -5, "f": 0.1, "big": 1e20, "third": 0.3333333333333333,
          "u": 18446744073709551615}])");
  ASSERT_TRUE(result.ok());
  // 2^53 + 1 needs an integer path; 0.1 and 1/3 print their shortest round-trip form.
  EXPECT_EQ(result.value().records[1].fields,
            (Fields{"9007199254740993", "-5", "0.1", "1e+20", "0.3333333333333333",
                    "18446744073709551615"}));
}

TEST(JsonRecordsTest, NestedValuesFlattenOneLevel) {
  const auto result = readJsonRecords(
      R"([{"id": 1, "utm": {"source": "google", "medium": "cpc", "extra": {"k": 1}},
          "tags": ["a", "b"], "empty": {}}])");
  ASSERT_TRUE(result.ok());
  const std::vector<CsvRecord>& records = result.value().records;
  EXPECT_EQ(records[0].fields,
            (Fields{"id", "utm.source", "utm.medium", "utm.extra", "tags", "empty"}));
  EXPECT_EQ(records[1].fields, (Fields{"1", "google", "cpc", R"({"k":1})", R"(["a","b"])", "{}"}));
}

TEST(JsonRecordsTest, FindsTheLargestArrayOfObjects) {
  const auto api = readJsonRecords(R"({"total": 2, "results": [{"a": 1}, {"a": 2}]})");
  ASSERT_TRUE(api.ok());
  EXPECT_EQ(api.value().records.size(), 3u);

  const auto nested = readJsonRecords(
      R"({"meta": {"tags": [{"t": 1}]}, "data": {"rows": [{"r": 1}, {"r": 2}, {"r": 3}]}})");
  ASSERT_TRUE(nested.ok());
  ASSERT_EQ(nested.value().records.size(), 4u);
  EXPECT_EQ(nested.value().records[0].fields, (Fields{"r"}));
  EXPECT_EQ(nested.value().records[3].fields, (Fields{"3"}));
}

TEST(JsonRecordsTest, NonObjectElementsAreReportedNotDropped) {
  const auto result = readJsonRecords(R"([{"a": 1}, 42, {"a": 3}])");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().records.size(), 3u);  // header + 2
  ASSERT_EQ(result.value().line_errors.size(), 1u);
  EXPECT_EQ(result.value().line_errors[0].position.line, 2u);
  EXPECT_EQ(result.value().records[2].line, 3u);
}

TEST(JsonRecordsTest, MalformedJsonGivesItsLine) {
  const auto result = readJsonRecords("[{\"a\": 1},\n{\"a\": 2},\n{\"a\": ");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kMalformedRecord);
  EXPECT_EQ(result.error().position.line, 3u);
  EXPECT_FALSE(result.error().message_fr.empty());
}

TEST(JsonRecordsTest, EmptyAndRecordlessDocuments) {
  EXPECT_FALSE(readJsonRecords("").ok());
  EXPECT_EQ(readJsonRecords("42").error().code, ErrorCode::kUnrecognisedFile);
  const auto empty_list = readJsonRecords("[]");
  ASSERT_TRUE(empty_list.ok());
  ASSERT_EQ(empty_list.value().records.size(), 1u);  // a header with no column
  EXPECT_TRUE(empty_list.value().records[0].fields.empty());
}

TEST(JsonRecordsTest, DeepNestingIsRefusedBeforeAnyRecursion) {
  const std::string deep = "[{\"a\": " + std::string(100000, '[') + std::string(100000, ']') + "}]";
  for (const auto& result :
       {readJsonRecords(deep), readJsonOrNdjson(deep), readNdjsonRecords(deep)}) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::kMalformedRecord);
  }
  // Brackets inside strings (with escaped quotes) do not count as nesting.
  const std::string brackets = R"([{"a": "[[[[\"[[[[", "b": "]]]]"}])";
  const auto result = readJsonRecords(brackets);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().records[1].fields, (Fields{"[[[[\"[[[[", "]]]]"}));
}

TEST(NdjsonRecordsTest, BadLineIsReportedOthersKept) {
  const std::string text =
      "{\"event\": \"purchase\", \"value\": 10}\r\n"
      "{\"event\": \"lead\", \"value\": \n"  // line 2: cut
      "\n"                                   // line 3: blank, skipped
      "[1, 2]\n"                             // line 4: not an object
      "{\"event\": \"signup\", \"user\": {\"id\": 7}}\n";
  const auto result = readNdjsonRecords(text);
  ASSERT_TRUE(result.ok());
  const std::vector<CsvRecord>& records = result.value().records;
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"event", "value", "user.id"}));
  EXPECT_EQ(records[1].fields, (Fields{"purchase", "10", ""}));
  EXPECT_EQ(records[1].line, 1u);
  EXPECT_EQ(records[2].fields, (Fields{"signup", "", "7"}));
  EXPECT_EQ(records[2].line, 5u);
  ASSERT_EQ(result.value().line_errors.size(), 2u);
  EXPECT_EQ(result.value().line_errors[0].position.line, 2u);
  EXPECT_EQ(result.value().line_errors[1].position.line, 4u);
  EXPECT_NE(result.value().line_errors[0].message_en.find("line 2"), std::string::npos);
}

TEST(NdjsonRecordsTest, NothingReadableIsAnError) {
  EXPECT_FALSE(readNdjsonRecords("not json\nstill not\n").ok());
}

TEST(JsonOrNdjsonTest, PicksTheRightReader) {
  const auto ndjson = readJsonOrNdjson("{\"a\": 1}\n{\"a\": 2}\n");
  ASSERT_TRUE(ndjson.ok());
  EXPECT_EQ(ndjson.value().records.size(), 3u);
  const auto single = readJsonOrNdjson("{\"a\": 1, \"b\": \"x\"}");
  ASSERT_TRUE(single.ok());
  EXPECT_EQ(single.value().records[1].fields, (Fields{"1", "x"}));
  const auto json = readJsonOrNdjson("{\"rows\": [{\"a\": 1}]}");
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(json.value().records[0].fields, (Fields{"a"}));
  EXPECT_FALSE(readJsonOrNdjson("id,name\n1,x\n").ok());
  EXPECT_FALSE(readJsonOrNdjson("   ").ok());
}

}  // namespace
}  // namespace roilens::io
