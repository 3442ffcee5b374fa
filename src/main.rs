fn main() {
    lectern_reader::start();
}
