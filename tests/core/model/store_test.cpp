#include "roilens/model/store.hpp"

#include <gtest/gtest.h>

#include <string>

namespace roilens::model {
namespace {

TEST(Dictionary, SameTextSameCodeAndEmptyIsZero) {
  Dictionary d;
  EXPECT_EQ(d.intern(""), kEmptyCode);
  const Code a = d.intern("Paid Search");
  const Code b = d.intern("Organic Search");
  EXPECT_NE(a, b);
  EXPECT_EQ(d.intern(std::string("Paid ") + "Search"), a);
  EXPECT_EQ(d.at(a), "Paid Search");
  EXPECT_EQ(d.find("Organic Search"), b);
  EXPECT_FALSE(d.find("Email").has_value());
}

TEST(Dictionary, GrowsPastItsFirstTableAndKeepsEveryCode) {
  Dictionary d;
  for (int i = 0; i < 100000; ++i) ASSERT_EQ(d.intern("v" + std::to_string(i)), Code(i + 1));
  for (int i = 0; i < 100000; i += 997) EXPECT_EQ(d.at(Code(i + 1)), "v" + std::to_string(i));
  EXPECT_EQ(d.size(), 100001u);
}

TEST(Column, StoresNothingUntilAValueDiffersFromTheDefault) {
  Column<double> c(0.0);
  c.set(0, 0.0);
  c.set(1, 0.0);
  EXPECT_TRUE(c.empty());
  c.set(5, 2.5);
  EXPECT_EQ(c.at(1), 0.0);
  EXPECT_EQ(c.at(5), 2.5);
  EXPECT_EQ(c.at(9), 0.0);  // past the stored rows: the default
}

TEST(Store, RowsRoundTripWithTheirOriginAndDefaults) {
  Dataset data;
  Contact c;
  c.contact_id = "101";
  c.email = "ann@example.com";
  c.at(Stage::kLead) = 1700000000;
  c.original_channel = "Paid Search";
  c.score = 0.0;  // present, even though zero
  c.extra["First Name"] = "Ann";
  c.origin = {"hubspot", "contacts.csv", 2};
  data.contacts.push_back(c);
  Contact d;
  d.email = "bob@example.com";
  d.origin = {"hubspot", "contacts.csv", 3};
  data.contacts.push_back(d);
  Transaction t;  // default status is kPaid: the column's null must be the member's default
  t.amount_gross = 10.0;
  t.origin = {"shopify", "orders.csv", 7};
  data.transactions.push_back(t);
  PathAggregate p;
  p.channels = {"a", "b", "a"};
  p.conversions = 2;
  data.paths.push_back(p);

  const Store store = Store::fromDataset(data);
  EXPECT_EQ(store.contacts.size(), 2u);
  const Dataset back = store.toDataset();
  ASSERT_EQ(back.contacts.size(), 2u);
  EXPECT_EQ(back.contacts[0].contact_id, "101");
  EXPECT_EQ(back.contacts[0].at(Stage::kLead), 1700000000);
  EXPECT_FALSE(back.contacts[0].at(Stage::kMql).has_value());
  EXPECT_EQ(back.contacts[0].score, 0.0);
  EXPECT_FALSE(back.contacts[1].score.has_value());
  EXPECT_EQ(back.contacts[0].extra.at("First Name"), "Ann");
  EXPECT_TRUE(back.contacts[1].extra.empty());
  EXPECT_EQ(back.contacts[1].origin.source_row, 3u);
  EXPECT_EQ(back.contacts[1].origin.source_file, "contacts.csv");
  EXPECT_EQ(back.transactions[0].status, TransactionStatus::kPaid);
  EXPECT_EQ(back.transactions[0].origin.source_system, "shopify");
  EXPECT_EQ(back.transactions[0].origin.source_file, "orders.csv");
  EXPECT_EQ(back.paths[0].channels, (std::vector<std::string>{"a", "b", "a"}));
  const Code paid = *store.strings.find("Paid Search");
  EXPECT_EQ(store.contacts.field<DictField<&Contact::original_channel>>().at(0), paid);
  EXPECT_EQ(store.contacts.field<DictField<&Contact::original_channel>>().at(1), kEmptyCode);
  EXPECT_EQ(store.transactions.fileOf(0), store.transactions.fileOf(0));
  EXPECT_NE(store.contacts.fileOf(0), store.transactions.fileOf(0));
}

}  // namespace
}  // namespace roilens::model
