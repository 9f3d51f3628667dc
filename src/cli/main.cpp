// roilens command-line tool: placeholder entry point until the session lands.
#include <iostream>
int main() { std::cerr << "roilens: not built yet\n"; return 2; }
